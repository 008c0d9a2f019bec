package io.socialbot.incident;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live incident page. {@code baseUrl} is the bot's public address (links are made from it); {@code secret} signs
 * the links (at least 32 characters, the same on every replica; never logged: {@link #toString} hides it). With
 * either empty the page is off and {@code /incident page} says so.
 */
@ConfigurationProperties("socialbot.incident-page")
public record IncidentPageProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String secret,
        @DefaultValue("12h") Duration linkTtl,
        @DefaultValue("30s") Duration refresh) {

    /** Shortest secret accepted: 32 characters, 256 bits of a random ASCII secret at most, as HMAC-SHA256 wants. */
    public static final int MIN_SECRET_CHARS = 32;

    public IncidentPageProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceFirst("/+$", "");
        secret = secret == null ? "" : secret;
        if (!secret.isEmpty() && secret.length() < MIN_SECRET_CHARS) {
            throw new IllegalArgumentException("socialbot.incident-page.secret must be at least " + MIN_SECRET_CHARS
                    + " characters (it is " + secret.length() + ")");
        }
        if (!baseUrl.isEmpty() && !baseUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new IllegalArgumentException("socialbot.incident-page.base-url must be an http(s) URL without query, "
                    + "e.g. https://socialbot.example.com");
        }
        if (linkTtl.isNegative() || linkTtl.isZero() || refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("socialbot.incident-page.link-ttl and refresh must be positive");
        }
    }

    public boolean enabled() {
        return !baseUrl.isEmpty() && !secret.isEmpty();
    }

    @Override
    public String toString() {
        return "IncidentPageProperties[baseUrl=" + baseUrl + ", secret=" + (secret.isEmpty() ? "(none)" : "(set)")
                + ", linkTtl=" + linkTtl + ", refresh=" + refresh + "]";
    }
}
