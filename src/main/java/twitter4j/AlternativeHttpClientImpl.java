package twitter4j;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Twitter4J's HTTP layer over {@link java.net.http.HttpClient}, which never re-sends a POST by itself.
 *
 * <p>Twitter4J's {@code HttpClientFactory} uses a class of exactly this name when it is on the classpath (the
 * hook its own HTTP/2 module uses), so every Twitter4J client in the process gets it, however early it is built.
 * The JDK's {@code HttpURLConnection}, Twitter4J's default, silently sends a POST a second time when the server
 * closes the connection without answering ({@code sun.net.http.retryPost}); after X has taken the first POST that
 * second one is a second public reply. Here every request goes out once; its failure is the caller's to judge.
 */
public final class AlternativeHttpClientImpl extends HttpClientBase {

    private static final long serialVersionUID = 1L;
    // The JDK client sets these itself and refuses them as request headers.
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    // Twitter4J's v2 responses keep only the 15-minute rate-limit headers; the 24-hour caps are read from here.
    private static final ThreadLocal<Map<String, List<String>>> LAST_HEADERS = new ThreadLocal<>();

    private final transient java.net.http.HttpClient client;
    private final Duration readTimeout;

    public AlternativeHttpClientImpl(HttpClientConfiguration conf) {
        super(conf);
        var builder = java.net.http.HttpClient.newBuilder()
                .version(Version.HTTP_1_1)
                .followRedirects(Redirect.NEVER);
        if (conf.getHttpConnectionTimeout() > 0) {
            builder.connectTimeout(Duration.ofMillis(conf.getHttpConnectionTimeout()));
        }
        if (isProxyConfigured()) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(conf.getHttpProxyHost(), conf.getHttpProxyPort())));
        }
        this.client = builder.build();
        this.readTimeout = conf.getHttpReadTimeout() > 0 ? Duration.ofMillis(conf.getHttpReadTimeout()) : null;
    }

    @Override
    HttpResponse handleRequest(HttpRequest req) throws TwitterException {
        // As TwitterImpl does before each v1 call: raw JSON kept for the caller is this request's only.
        TwitterObjectFactory.clearThreadLocalMap();
        LAST_HEADERS.remove();
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(req.getURL()));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        String auth = req.getAuthorization() == null ? null : req.getAuthorization().getAuthorizationHeader(req);
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        if (req.getRequestHeaders() != null) {
            req.getRequestHeaders().forEach((name, value) -> {
                if (value != null && !RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    builder.header(name, value);
                }
            });
        }
        builder.method(req.getMethod().name(), body(req, builder));
        java.net.http.HttpResponse<byte[]> answer;
        try {
            answer = client.send(builder.build(), BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwitterException("interrupted", new InterruptedIOException("interrupted while waiting for X"),
                    -1);
        } catch (IOException e) {
            // Never retried here: for a POST nobody can tell from this side whether X took it.
            throw new TwitterException(String.valueOf(e.getMessage()), e, -1);
        }
        LAST_HEADERS.set(answer.headers().map());
        Response res = new Response(CONF, answer);
        if (res.getStatusCode() < 200 || res.getStatusCode() >= 300) {
            throw new TwitterException(res.asString(), res);
        }
        return res;
    }

    /** A header of the last answer this thread received through Twitter4J (names are case-insensitive). */
    public static String lastResponseHeader(String name) {
        Map<String, List<String>> headers = LAST_HEADERS.get();
        return headers == null ? null : Response.first(headers, name);
    }

    private static BodyPublisher body(HttpRequest req, java.net.http.HttpRequest.Builder builder)
            throws TwitterException {
        HttpParameter[] params = req.getParameters();
        if (req.getMethod() != RequestMethod.POST && req.getMethod() != RequestMethod.PUT
                || params == null || params.length == 0) {
            return BodyPublishers.noBody(); // GET/DELETE parameters are already in the URL (HttpRequest puts them)
        }
        if (HttpParameter.containsFile(params)) {
            throw new TwitterException("media uploads are not supported by socialbot's X client");
        }
        if (HttpParameter.containsJson(params)) {
            builder.header("Content-Type", "application/json");
            return BodyPublishers.ofString(params[0].getJsonObject().toString(), StandardCharsets.UTF_8);
        }
        builder.header("Content-Type", "application/x-www-form-urlencoded");
        return BodyPublishers.ofString(HttpParameter.encodeParameters(params), StandardCharsets.UTF_8);
    }

    /** A fully read answer: status, headers and body. */
    private static final class Response extends HttpResponse {

        private final Map<String, List<String>> headers;

        Response(HttpClientConfiguration conf, java.net.http.HttpResponse<byte[]> answer) throws TwitterException {
            super(conf);
            this.statusCode = answer.statusCode();
            // Case-insensitive, as HTTP header names are (TwitterException looks them up by exact key).
            var byName = new java.util.TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
            byName.putAll(answer.headers().map());
            this.headers = byName;
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body();
            boolean gzip = answer.headers().firstValue("Content-Encoding")
                    .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
            try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(bytes))
                    : new ByteArrayInputStream(bytes)) {
                this.responseAsString = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new TwitterException("unreadable answer from X: " + e.getMessage(), e, statusCode);
            }
        }

        @Override
        public String getResponseHeader(String name) {
            return first(headers, name);
        }

        static String first(Map<String, List<String>> headers, String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        @Override
        public Map<String, List<String>> getResponseHeaderFields() {
            return headers;
        }

        @Override
        public void disconnect() {
            // The body was read in full; the JDK client owns the connection.
        }
    }
}
