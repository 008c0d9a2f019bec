package io.socialbot.incident;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed links to an incident's live page. A token is {@code <generation>.<expiry>.<HMAC-SHA256>} over the incident
 * name, generation and expiry, so a link is good for its incident only, until it expires or a lead revokes it.
 */
public final class IncidentPageLinks {

    /** Where the page is served, below the bot's base URL. */
    public static final String PATH = "/incident-page/";

    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})");

    /** A link as handed to a lead. */
    public record Link(String url, Instant expires) {
    }

    /** The answer to a request for the page. */
    public sealed interface Check {
    }

    public record Granted(String incident, Instant expires) implements Check {
    }

    /** Refused: {@code reason} is for the bot's log and tests; the visitor only ever sees 403. */
    public record Refused(String reason) implements Check {
    }

    private final SecretKeySpec key;
    private final String baseUrl;
    private final Duration ttl;
    private final PageLinkGenerations generations;
    private final Clock clock;

    public IncidentPageLinks(IncidentPageProperties properties, PageLinkGenerations generations, Clock clock) {
        if (!properties.enabled()) {
            throw new IllegalArgumentException("the incident page needs socialbot.incident-page.base-url and secret");
        }
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.baseUrl = properties.baseUrl();
        this.ttl = properties.linkTtl();
        this.generations = generations;
        this.clock = clock;
    }

    /** A new link for the incident, valid for the configured time from now. */
    public Link issue(String incident) {
        long generation = generations.current(incident);
        Instant expires = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new Link(baseUrl + PATH + incident + "?t=" + token(incident, generation, expires), expires);
    }

    /** The token part of a link, for a given generation and expiry (tests make expired ones with it). */
    String token(String incident, long generation, Instant expires) {
        return generation + "." + expires.getEpochSecond() + "." + sign(incident, generation, expires.getEpochSecond());
    }

    /** Every link issued so far for the incident stops working. */
    public void revoke(String incident) {
        generations.revoke(incident);
    }

    public Check check(String incident, String token) {
        if (incident == null || token == null) {
            return new Refused("no token");
        }
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return new Refused("malformed token");
        }
        long generation = Long.parseLong(m.group(1));
        long expiry = Long.parseLong(m.group(2));
        byte[] expected = sign(incident, generation, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return new Refused("bad signature");
        }
        Instant expires = Instant.ofEpochSecond(expiry);
        if (!clock.instant().isBefore(expires)) {
            return new Refused("expired");
        }
        if (generation != generations.current(incident)) {
            return new Refused("revoked");
        }
        return new Granted(incident, expires);
    }

    private String sign(String incident, long generation, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("incident-page|v1|" + incident + "|" + generation + "|" + expiry)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
