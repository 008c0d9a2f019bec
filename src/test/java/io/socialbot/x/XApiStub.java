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

    /** One canned answer; {@code delayMillis} holds the answer back (a read timeout on the client). */
    record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
        static Answer json(int status, String body) {
            return new Answer(status, Map.of(), body, 0);
        }

        Answer withHeaders(Map<String, String> extra) {
            var all = new LinkedHashMap<>(headers);
            all.putAll(extra);
            return new Answer(status, all, body, delayMillis);
        }

        Answer delayed(long millis) {
            return new Answer(status, headers, body, millis);
        }
    }

    /** A request as the stub saw it. */
    record Request(String method, String path, Map<String, String> query, String body, String authorization) {
    }

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
            String endpoint = method.equals("GET") && path.startsWith("/2/users/") ? MENTIONS
                    : method.equals("POST") && path.equals("/2/tweets") ? TWEETS : null;
            Deque<Answer> queue = endpoint == null ? null : answers.get(endpoint);
            answer = queue == null || queue.isEmpty()
                    ? Answer.json(404, "{\"title\":\"Not Found Error\",\"detail\":\"no canned answer\",\"status\":404}")
                    : queue.poll();
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

    @Override
    public void close() {
        server.stop(0);
    }
}
