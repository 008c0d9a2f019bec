package io.socialbot.prompt.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialbot.prompt.LanguageModel;
import io.socialbot.prompt.ModelProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documented chat-completions call ({@code POST <base>/chat/completions}, {@code model}, {@code messages},
 * {@code max_tokens}; the answer's {@code choices[0].message.content} and {@code finish_reason}) over the JDK's
 * HTTP client, which never re-sends a POST by itself. Every OpenAI-compatible server speaks it. The key goes in
 * the {@code Authorization} header only and is never logged.
 */
public final class OpenAiChatModel implements LanguageModel {

    private static final Logger log = LoggerFactory.getLogger(OpenAiChatModel.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelProperties properties;
    private final URI endpoint;
    private final HttpClient http;
    private final Clock clock;

    public OpenAiChatModel(ModelProperties properties, Clock clock) {
        this.properties = properties;
        String base = properties.baseUrl().strip();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/chat/completions");
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.clock = clock;
    }

    @Override
    public ModelAnswer complete(ModelRequest request) {
        HttpRequest.Builder call = HttpRequest.newBuilder(endpoint).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8));
        if (!properties.apiKey().isBlank()) {
            call.header("Authorization", "Bearer " + properties.apiKey());
            if (endpoint.getHost() != null && endpoint.getHost().endsWith(".azure.com")) {
                call.header("api-key", properties.apiKey()); // Azure OpenAI's key header
            }
        }
        HttpResponse<String> response;
        // The request timeout covers only the wait for the headers; the whole answer, body included, is bounded
        // here, so a model trickling its body cannot hold a digest or a drafting thread.
        CompletableFuture<HttpResponse<String>> exchange =
                http.sendAsync(call.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            response = exchange.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return unavailable(Reason.TIMEOUT, "no answer within " + properties.timeout(), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return unavailable(Reason.TIMEOUT, "no answer within " + properties.timeout(), null);
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return unavailable(Reason.NETWORK, cause.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return unavailable(Reason.NETWORK, "interrupted", null);
        }
        int status = response.statusCode();
        if (status == 429) {
            return unavailable(Reason.RATE_LIMITED, "429 " + errorCode(response.body()), retryAt(response));
        }
        if (status >= 500) {
            return unavailable(Reason.SERVER_ERROR, "HTTP " + status + " " + errorCode(response.body()), null);
        }
        if (status != 200) {
            // the error's code and type only: a 401's message may quote part of the key
            return unavailable(Reason.REFUSED, "HTTP " + status + " " + errorCode(response.body()), null);
        }
        return answer(response.body());
    }

    String body(ModelRequest request) {
        ObjectNode body = JSON.createObjectNode().put("model", properties.name()).put("stream", false)
                .put("max_tokens", request.maxTokens()).put("temperature", 0.7);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.system());
        messages.addObject().put("role", "user").put("content", request.user());
        return body.toString();
    }

    private ModelAnswer answer(String body) {
        try {
            JsonNode choice = JSON.readTree(body).path("choices").path(0);
            JsonNode content = choice.path("message").path("content");
            if (!content.isTextual()) {
                return unavailable(Reason.MALFORMED, "no choices[0].message.content", null);
            }
            return new Answered(content.asText(), "length".equals(choice.path("finish_reason").asText()));
        } catch (IOException e) {
            return unavailable(Reason.MALFORMED, "not JSON", null);
        }
    }

    private Instant retryAt(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).filter(s -> s.matches("\\d{1,6}"))
                .map(s -> clock.instant().plusSeconds(Long.parseLong(s))).orElse(null);
    }

    private static String errorCode(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String code = error.path("code").asText("");
            String type = error.path("type").asText("");
            String both = (code + " " + type).strip();
            return both.replaceAll("[^A-Za-z0-9_ .-]", "");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Unavailable unavailable(Reason reason, String detail, Instant retryAt) {
        log.warn("Language model {}: {}", reason.words(), detail);
        return new Unavailable(reason, detail, retryAt);
    }
}
