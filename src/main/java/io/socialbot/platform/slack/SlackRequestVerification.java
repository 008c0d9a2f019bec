package io.socialbot.platform.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Bolt's own check: compares signatures in constant time and refuses timestamps more than five minutes
 * from now in either direction (Bolt only refuses old ones). Socket Mode requests are authenticated by the socket.
 */
final class SlackRequestVerification implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(SlackRequestVerification.class);
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final SlackSignature.Generator generator;
    private final Clock clock;

    SlackRequestVerification(String signingSecret, Clock clock) {
        this.generator = new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.isSocketMode()) {
            return chain.next(req);
        }
        String timestamp = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        String refusal = refusal(timestamp, signature, req.getRequestBodyAsString());
        if (refusal == null) {
            return chain.next(req);
        }
        log.info("Slack request from {} refused: {}", req.getClientIpAddress(), refusal);
        return Response.builder().statusCode(401).contentType("application/json")
                .body("{\"error\":\"invalid request\"}").build();
    }

    String refusal(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null) {
            return "missing signature headers";
        }
        long seconds;
        String digits = timestamp.trim();
        // ASCII digits only (Long.parseLong also takes '+' and other scripts' digits), at most 18 so it fits a long
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "timestamp is not a number";
        }
        seconds = Long.parseLong(digits);
        // plain seconds: Instant.ofEpochSecond throws on values like 10^17, which must be a 401 and not a 500
        long now = clock.instant().getEpochSecond();
        if (seconds < now - MAX_SKEW.toSeconds() || seconds > now + MAX_SKEW.toSeconds()) {
            return "timestamp more than 5 minutes from now";
        }
        String expected = generator.generate(timestamp.trim(), body == null ? "" : body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII))) {
            return "signature does not match";
        }
        return null;
    }
}
