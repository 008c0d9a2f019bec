package io.socialbot.support.model;

import static io.socialbot.support.model.ChatCompletionsWire.completion;
import static io.socialbot.support.model.ChatCompletionsWire.error;
import static io.socialbot.support.model.ChatCompletionsWire.invalid;
import static io.socialbot.support.model.ChatCompletionsWire.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for an OpenAI-compatible chat-completions API ({@code POST /v1/chat/completions}), speaking the
 * documented JSON: a request with {@code model} and {@code messages} ({@code role}, {@code content}), refused with
 * 400 and an {@code error} object otherwise, 401 {@code invalid_api_key} for a wrong key; an answer with
 * {@code id}, {@code object: chat.completion}, {@code choices[].message.content}, {@code finish_reason} and
 * {@code usage}. By default it drafts like a dutiful model, three replies to the customer's handle separated by
 * {@code ---}, except that a post telling it to ignore its instructions steers it into repeating the post's link
 * (the model a guard must not trust). Queued behaviours override that: slow, 500, 429, over-long drafts, a
 * draft that smuggles a link, or an answer held until a test releases it.
 */
public final class ChatCompletionsStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HANDLE = Pattern.compile("(?m)^Customer: @(\\w+)");
    private static final Pattern POST = Pattern.compile("(?s)<customer_post>\\n(.*?)\\n</customer_post>");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** One request as it arrived. */
    public record Request(JsonNode body, Map<String, List<String>> headers) {
        public String system() {
            return message("system");
        }

        public String user() {
            return message("user");
        }

        private String message(String role) {
            for (JsonNode m : body.path("messages")) {
                if (role.equals(m.path("role").asText())) {
                    return m.path("content").asText();
                }
            }
            return null;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What to do with one request. */
    public sealed interface Behaviour {
    }

    /** Answer this content, with {@code finish_reason} "length" when {@code cutShort}. */
    public record Content(String content, boolean cutShort) implements Behaviour {
    }

    /** An error status with OpenAI's error object; 429 carries Retry-After when {@code retryAfter} is set. */
    public record Status(int status, String type, String code, Integer retryAfter) implements Behaviour {
    }

    /** The default answer, after {@code delay}. */
    public record Slow(Duration delay) implements Behaviour {
    }

    /** The default answer's headers at once, then its body trickled: half, a wait of {@code delay}, the rest. */
    public record SlowBody(Duration delay) implements Behaviour {
    }

    /** The default answer, only once {@link #release()} is called. */
    public record Held() implements Behaviour {
    }

    /** 200 with a body that is not a chat completion. */
    public record Garbage() implements Behaviour {
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Behaviour> queued = new ConcurrentLinkedDeque<>();
    private volatile Behaviour always;
    private volatile String apiKey;
    private volatile CountDownLatch held = new CountDownLatch(1);

    public ChatCompletionsStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "chat-completions-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL a client is configured with, as OpenAI's is ({@code .../v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Requests must carry {@code Authorization: Bearer <key>}. */
    public void requireKey(String key) {
        this.apiKey = key;
    }

    public void enqueue(Behaviour behaviour) {
        queued.add(behaviour);
    }

    /** Every request gets this (queued ones first); null for the default model. */
    public void always(Behaviour behaviour) {
        this.always = behaviour;
    }

    /** Lets every {@link Held} answer go. */
    public void release() {
        held.countDown();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Three drafts separated by ---, as the system prompt asks. */
    public static String drafts(String... drafts) {
        return String.join("\n---\n", drafts);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                send(exchange, 404, error("Unknown request URL: " + exchange.getRequestURI().getPath(),
                        "invalid_request_error", "unknown_url"), Map.of());
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body;
            try {
                body = JSON.readTree(raw);
            } catch (IOException e) {
                send(exchange, 400, error("We could not parse the JSON body of your request.", "invalid_request_error",
                        null), Map.of());
                return;
            }
            Request request = new Request(body, Map.copyOf(exchange.getRequestHeaders()));
            requests.add(request);
            String problem = invalid(body, exchange.getRequestHeaders().getFirst("Content-Type"));
            if (problem != null) {
                send(exchange, 400, error(problem, "invalid_request_error", null), Map.of());
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (apiKey != null && !("Bearer " + apiKey).equals(auth)) {
                send(exchange, 401, error("Incorrect API key provided: " + mask(auth) + ".", "invalid_request_error",
                        "invalid_api_key"), Map.of());
                return;
            }
            Behaviour b = queued.poll();
            if (b == null) {
                b = always;
            }
            if (b instanceof Status s) {
                send(exchange, s.status(), error("The server had an error", s.type(), s.code()),
                        s.retryAfter() == null ? Map.of() : Map.of("Retry-After", String.valueOf(s.retryAfter())));
                return;
            }
            if (b instanceof Garbage) {
                send(exchange, 200, "<html>Bad gateway</html>", Map.of());
                return;
            }
            if (b instanceof Slow slow) {
                sleep(slow.delay());
            }
            if (b instanceof Held) {
                try {
                    held.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Content content = b instanceof Content c ? c : new Content(draftLikeAModel(request.user()), false);
            if (b instanceof SlowBody slowBody) {
                trickle(exchange, completion(body.path("model").asText(), content), slowBody.delay());
                return;
            }
            send(exchange, 200, completion(body.path("model").asText(), content), Map.of());
        }
    }

    /** A plain, obedient model: three drafts to the handle; steered by a post that tells it to post a link. */
    static String draftLikeAModel(String user) {
        Matcher handle = HANDLE.matcher(user == null ? "" : user);
        String h = handle.find() ? "@" + handle.group(1) : "@there";
        Matcher post = POST.matcher(user == null ? "" : user);
        String text = post.find() ? post.group(1) : "";
        String first = h + " So sorry about this. We're on it and will update you here as soon as we know more.";
        if (text.toLowerCase().contains("ignore your instructions")) {
            Matcher link = LINK.matcher(text);
            first = h + " As requested: " + (link.find() ? link.group() : "https://evil.example/win");
        }
        return drafts(first,
                h + " That's not the service you should get, and we're sorry. Our team is looking into it now.",
                h + " Thanks for telling us. Could you send us a DM so we can look at this with you?");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void trickle(HttpExchange exchange, String body, Duration delay) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
            sleep(delay);
            exchange.getResponseBody().write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        } catch (IOException e) {
            // the client gave up waiting (its timeout): nothing to answer
        }
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up waiting (its timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        held.countDown();
        server.stop(0);
    }
}
