package io.socialbot.x;

import io.socialbot.platform.retry.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the X adapter ({@code socialbot.x.*}); the adapter is on only when credentials are present. */
@ConfigurationProperties("socialbot.x")
public record XProperties(
        String apiKey,
        String apiSecret,
        String accessToken,
        String accessTokenSecret,
        String bearerToken,
        String brandUserId,
        @DefaultValue("60s") Duration pollInterval,
        @DefaultValue("https://api.x.com/1.1/") String restBaseUrl,
        @DefaultValue("https://api.x.com/2/") String v2BaseUrl,
        @DefaultValue("100") int pageSize,
        @DefaultValue("30s") Duration leaseTtl,
        @DefaultValue("10s") Duration httpTimeout,
        @DefaultValue("3") int sendAttempts,
        @DefaultValue("500ms") Duration sendBackoff) {

    public XProperties {
        if (pageSize < 5 || pageSize > 100) {
            throw new IllegalArgumentException("socialbot.x.page-size must be 5..100 (the X API limits), got " + pageSize);
        }
        if (sendAttempts < 1) {
            throw new IllegalArgumentException("socialbot.x.send-attempts must be at least 1");
        }
        if (present(brandUserId) && !brandUserId.strip().matches("\\d+")) {
            throw new IllegalArgumentException("socialbot.x.brand-user-id must be the numeric X user id");
        }
        restBaseUrl = withSlash(restBaseUrl);
        v2BaseUrl = withSlash(v2BaseUrl);
    }

    /** How a reply that never reached X is tried again: {@code send-attempts} tries, waits doubling from {@code send-backoff}. */
    RetryPolicy sendRetry() {
        return new RetryPolicy(sendAttempts, sendBackoff, sendBackoff.multipliedBy(1L << Math.min(sendAttempts - 1, 20)));
    }

    /** OAuth 1.0a user context: needed to post (POST /2/tweets refuses app-only bearer tokens). */
    public boolean hasUserContext() {
        return present(apiKey) && present(apiSecret) && present(accessToken) && present(accessTokenSecret);
    }

    /** Mentions can be polled: a brand user id and either credential set. */
    public boolean pollingEnabled() {
        return present(brandUserId) && (hasUserContext() || present(bearerToken));
    }

    /** Why polling is off, for the one start-up log line (never any secret). */
    String whyPollingOff() {
        if (!present(brandUserId) && !hasUserContext() && !present(bearerToken)) {
            return "no X credentials set (X_API_KEY/X_API_SECRET/X_ACCESS_TOKEN/X_ACCESS_TOKEN_SECRET or X_BEARER_TOKEN)";
        }
        if (!present(brandUserId)) {
            return "X_BRAND_USER_ID is not set";
        }
        return "incomplete X credentials (need all four OAuth 1.0a values or a bearer token)";
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String withSlash(String url) {
        return url == null || url.endsWith("/") ? url : url + "/";
    }

    @Override
    public String toString() {
        // Records print every component; credentials must never reach a log.
        return "XProperties[userContext=" + hasUserContext() + ", bearer=" + present(bearerToken)
                + ", brandUserId=" + brandUserId + ", pollInterval=" + pollInterval + ", v2BaseUrl=" + v2BaseUrl + "]";
    }
}
