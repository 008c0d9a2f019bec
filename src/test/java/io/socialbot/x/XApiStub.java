package io.socialbot.x;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local X API v2 server: canned answers per endpoint, every request recorded. */
final class XApiStub implements AutoCloseable {

    static final String MENTIONS = "GET /2/users/";
    static final String TWEETS = "POST /2/tweets";
    static final String USER_TWEETS = "GET /2/users/:id/tweets";

    /**
     * One canned answer; {@code delayMillis} holds the answer back (a read timeout on the client); {@code drop}
     * reads the whole request, as X does when it takes a post, then closes the connection without answering.
     */
    record Answer(int status, Map<String, String> headers, String body, long delayMillis, boolean drop) {
        static Answer json(int status, String body) {
            return new Answer(status, Map.of(), body, 0, false);
        }

        /** The request is taken and the connection closed before any answer (a proxy or X front end dying). */
        static Answer dropAfterRead() {
            return new Answer(0, Map.of(), "", 0, true);
        }

        Answer withHeaders(Map<String, String> extra) {
            var all = new LinkedHashMap<>(headers);
            all.putAll(extra);
            return new Answer(status, all, body, delayMillis, drop);
        }

        Answer delayed(long millis) {
            return new Answer(status, headers, body, millis, drop);
        }
    }

    /** A request as the stub saw it. */
    record Request(String method, String path, Map<String, String> query, String body, String authorization) {
    }

    /** A mention as the timeline holds it: its id and its JSON object in X's v2 shape. */
    record Post(long id, String json) {
    }

    private volatile List<Post> timeline;
    private volatile String timelineUsers = "";
    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    XApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String v2BaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/2/";
    }

    String restBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/1.1/";
    }

    synchronized XApiStub enqueue(String endpoint, Answer answer) {
        answers.computeIfAbsent(endpoint, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /**
     * Serves mentions as X documents its mentions timeline: newest first, only the {@link #MENTION_WINDOW} most
     * recent, {@code since_id} and {@code max_results} honoured, {@code next_token} while older ones remain.
     * Canned answers queued for {@link #MENTIONS} still come first.
     */
    XApiStub serveTimeline(List<Post> newestFirst, String usersJson) {
        this.timeline = List.copyOf(newestFirst);
        this.timelineUsers = usersJson;
        return this;
    }

    static final int MENTION_WINDOW = 800;

    private Answer timelinePage(Map<String, String> query) {
        List<Post> window = timeline.subList(0, Math.min(MENTION_WINDOW, timeline.size()));
        long since = Long.parseLong(query.getOrDefault("since_id", "0"));
        List<Post> newer = window.stream().filter(p -> p.id() > since).toList();
        int max = Integer.parseInt(query.getOrDefault("max_results", "10"));
        int from = query.containsKey("pagination_token") ? Integer.parseInt(query.get("pagination_token").substring(1))
                : 0;
        List<Post> page = newer.subList(Math.min(from, newer.size()), Math.min(from + max, newer.size()));
        if (page.isEmpty()) {
            return Answer.json(200, "{\"meta\":{\"result_count\":0}}");
        }
        String next = from + max < newer.size() ? ",\"next_token\":\"p" + (from + max) + "\"" : "";
        return Answer.json(200, "{\"data\":[" + String.join(",", page.stream().map(Post::json).toList()) + "],"
                + "\"includes\":{\"users\":[" + timelineUsers + "]},\"meta\":{\"result_count\":" + page.size()
                + ",\"newest_id\":\"" + page.get(0).id() + "\",\"oldest_id\":\"" + page.get(page.size() - 1).id()
                + "\"" + next + "}}");
    }

    List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(method, path, query(ex.getRequestURI().getRawQuery()), body,
                ex.getRequestHeaders().getFirst("Authorization")));
        Answer answer;
        synchronized (this) {
            String endpoint = method.equals("GET") && path.matches("/2/users/\\d+/mentions") ? MENTIONS
                    : method.equals("GET") && path.matches("/2/users/\\d+/tweets") ? USER_TWEETS
                    : method.equals("POST") && path.equals("/2/tweets") ? TWEETS : null;
            Deque<Answer> queue = endpoint == null ? null : answers.get(endpoint);
            answer = queue != null && !queue.isEmpty() ? queue.poll()
                    : MENTIONS.equals(endpoint) && timeline != null
                    ? timelinePage(query(ex.getRequestURI().getRawQuery()))
                    : Answer.json(404, "{\"title\":\"Not Found Error\",\"detail\":\"no canned answer\",\"status\":404}");
        }
        if (answer.drop()) {
            ex.close(); // no response headers were sent: the server closes the TCP connection
            return;
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        answer.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        try {
            ex.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // The client timed out first: the request still counts as received.
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    static Map<String, String> rateLimit(int limit, int remaining, long resetEpochSeconds) {
        return Map.of("x-rate-limit-limit", Integer.toString(limit),
                "x-rate-limit-remaining", Integer.toString(remaining),
                "x-rate-limit-reset", Long.toString(resetEpochSeconds));
    }

    /** X's 24-hour posting caps, sent beside the 15-minute window on POST /2/tweets. */
    static Map<String, String> dailyCaps(int userRemaining, long userReset, int appRemaining, long appReset) {
        return Map.of("x-user-limit-24hour-limit", "100",
                "x-user-limit-24hour-remaining", Integer.toString(userRemaining),
                "x-user-limit-24hour-reset", Long.toString(userReset),
                "x-app-limit-24hour-limit", "10000",
                "x-app-limit-24hour-remaining", Integer.toString(appRemaining),
                "x-app-limit-24hour-reset", Long.toString(appReset));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
