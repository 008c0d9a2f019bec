package io.socialbot.mention.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Socialbot-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>} and
 * {@code X-Socialbot-Timestamp} (Unix seconds, at most 5 minutes from now either way), in constant time.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Socialbot-Signature";
    public static final String TIMESTAMP_HEADER = "X-Socialbot-Timestamp";
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Clock clock;

    public WebhookSignature(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Why a request is refused, or empty when it is authentic and fresh. */
    public Optional<String> refusal(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return Optional.of("missing " + (timestamp == null ? TIMESTAMP_HEADER : SIGNATURE_HEADER) + " header");
        }
        long seconds;
        String digits = timestamp.trim();
        // ASCII digits only (Long.parseLong also takes '+' and other scripts' digits), at most 18 so it fits a long
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(TIMESTAMP_HEADER + " must be Unix seconds");
        }
        seconds = Long.parseLong(digits);
        // compared as plain seconds: Instant.ofEpochSecond throws on values like 10^17, before the signature check
        long now = clock.instant().getEpochSecond();
        if (seconds < now - MAX_AGE.toSeconds() || seconds > now + MAX_AGE.toSeconds()) {
            return Optional.of("timestamp is more than 5 minutes from the server's clock");
        }
        byte[] expected = ("v1=" + sign(timestamp.trim(), body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("signature does not match");
        }
        return Optional.empty();
    }

    /** The hex signature of a request: what a listening tool computes. */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
