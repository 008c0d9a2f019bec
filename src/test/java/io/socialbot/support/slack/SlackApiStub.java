package io.socialbot.support.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the Slack Web API (like java-slack-sdk's MockSlackApiServer): records every call, keeps a
 * {@link SlackWorkspace} of channels and messages (posts, updates, history with {@code metadata}, Block Kit limits
 * refused with {@code invalid_blocks}), and behaves like Slack under trouble: 429 with {@code Retry-After} (and 429
 * again to a call that does not wait that long, by the stub's clock), hanging past a client's read timeout after
 * taking a call, slow to take one (stalled), or down (connections closed unanswered). A queued or set answer overrides
 * all that for its method.
 * Bolt is pointed at it with {@code SlackConfig.setMethodsEndpointUrlPrefix(stub.methodsUrl())};
 * {@link #responseUrl()} takes response_url posts.
 */
public final class SlackApiStub implements AutoCloseable {

    /** One captured Web API call or response_url post. */
    public record Call(String method, String body, Map<String, String> headers) {
        /** Form fields decoded (Web API calls are form-encoded by the Java SDK unless JSON was used). */
        public Map<String, String> form() {
            return SlackCallBody.form(body);
        }

        /** A JSON parameter (blocks, view, metadata) as plain JSON text, so {@code <} reads as {@code <}. */
        public String json(String name) {
            return SlackCallBody.json(param(name));
        }

        /** A parameter from a form body, or a field of a JSON body (objects and arrays as JSON text). */
        public String param(String name) {
            return SlackCallBody.param(body, name);
        }
    }

    /** A canned answer: HTTP status, JSON body, extra headers. */
    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer ok(String json) {
            return new Answer(200, json, Map.of());
        }

        public static Answer rateLimited(int retryAfterSeconds) {
            return new Answer(429, "{\"ok\":false,\"error\":\"ratelimited\"}",
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
        }

        public static Answer error(String error) {
            return new Answer(200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());
        }
    }

    private final HttpServer server;
    private final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ConcurrentLinkedDeque<Answer>> queued = new ConcurrentHashMap<>();
    private final Map<String, Answer> defaults = new ConcurrentHashMap<>();
    private final SlackRateLimits rateLimits = new SlackRateLimits();
    private final SlackWorkspace workspace = new SlackWorkspace(rateLimits::now);
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> hangs = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile Duration hangFor = Duration.ofSeconds(3);
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> stalls = new ConcurrentHashMap<>();
    private volatile Duration stallFor = Duration.ofSeconds(3);
    private final CasePostLog postLog = new CasePostLog();

    public SlackApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        defaults.put("auth.test", Answer.ok("{\"ok\":true,\"url\":\"https://example.slack.com/\",\"team\":\"Test\","
                + "\"user\":\"socialbot\",\"team_id\":\"T0TEST\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}"));
        server.start();
    }

    /** Base URL for {@code SlackConfig.setMethodsEndpointUrlPrefix}: ends with a slash. */
    public String methodsUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A response_url for slash command and action payloads that lands in this stub as method {@code response_url}. */
    public String responseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response_url";
    }

    /** Answers the next call of {@code method} with {@code answer} (queued answers are used once each, in order). */
    public void enqueue(String method, Answer answer) {
        queued.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>()).add(answer);
    }

    /** Answers every call of {@code method} with {@code answer} unless something is queued. */
    public void answer(String method, Answer answer) {
        defaults.put(method, answer);
    }

    /** The channels and messages Slack would hold. */
    public SlackWorkspace workspace() {
        return workspace;
    }

    /** The clock by which {@code Retry-After} is enforced (tests pass the clock their poster runs on). */
    public void clock(java.time.Clock clock) {
        rateLimits.clock(clock);
    }

    /** Down: every connection is closed without an answer, and nothing is done. */
    public void down(boolean down) {
        this.down = down;
    }

    /** The next {@code method} call is answered 429 with {@code Retry-After: seconds}. */
    public void rateLimitNext(String method, long seconds) {
        rateLimits.next(method, seconds);
    }

    /** Every {@code n}th chat.postMessage is answered 429 with {@code Retry-After: seconds} (a storm). */
    public void rateLimitEvery(int n, long seconds) {
        rateLimits.every(n, seconds);
    }

    /** Each case's chat.postMessage calls, by the case key in their metadata. */
    public CasePostLog postLog() {
        return postLog;
    }

    /** Calls made before an earlier Retry-After had passed (each answered 429 again). */
    public int callsTooEarly() {
        return rateLimits.tooEarly();
    }

    /**
     * The next {@code count} calls of {@code method} wait {@code stallFor} before anything is done (a Slack slow to
     * take a post: meanwhile the history does not show it), then are done and answered.
     */
    public void stall(String method, int count, Duration stallFor) {
        this.stallFor = stallFor;
        stalls.computeIfAbsent(method, m -> new java.util.concurrent.atomic.AtomicInteger()).addAndGet(count);
    }

    /** The next {@code count} calls of {@code method} are done, then answered only after {@code hangFor}. */
    public void hang(String method, int count, Duration hangFor) {
        this.hangFor = hangFor;
        hangs.computeIfAbsent(method, m -> new java.util.concurrent.atomic.AtomicInteger()).addAndGet(count);
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    public void clear() {
        calls.clear();
        queued.clear();
    }

    /** Waits until a call matching {@code filter} has been captured, or fails after {@code timeout}. */
    public List<Call> await(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> found = calls(method);
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " call(s) of " + method + " within " + timeout
                + " but saw " + calls(method).size() + "; calls by method: " + countsByMethod());
    }

    private Map<String, Long> countsByMethod() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Call c : calls()) {
            counts.merge(c.method(), 1L, Long::sum);
        }
        return counts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = path.startsWith("/api/") ? path.substring(5) : path.substring(1);
        long arrived = System.currentTimeMillis();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        Call call = new Call(method, body, headers);
        calls.add(call);
        if (down) {
            exchange.close(); // no status line: the client sees the connection end
            return;
        }
        var stall = stalls.get(method);
        if (stall != null && stall.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                Thread.sleep(stallFor.toMillis()); // not done yet: a look at the history finds nothing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer answer = null;
        var queue = queued.get(method);
        if (queue != null) {
            answer = queue.poll();
        }
        if (answer == null) {
            answer = rateLimits.check(method, call);
        }
        if (answer == null && defaults.containsKey(method)) {
            answer = defaults.get(method);
        }
        if (answer == null) {
            String result = workspace.call(method, call::param);
            answer = Answer.ok(result == null ? "{\"ok\":true}" : result);
        }
        String caseKey = caseKey(call);
        if (caseKey != null) {
            postLog.record(arrived, caseKey, call.param("channel"), answer);
        }
        var hang = hangs.get(method);
        if (hang != null && hang.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                Thread.sleep(hangFor.toMillis()); // done, but the answer comes after the client gave up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client hung up (read timeout): Slack did the work all the same
        }
        exchange.close();
    }

    private static String caseKey(Call call) {
        String m = call.method().equals("chat.postMessage") ? call.param("metadata") : null;
        int i = m == null ? -1 : m.indexOf("\"case\":\"");
        return i < 0 ? null : m.substring(i + 8, m.indexOf('"', i + 8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
