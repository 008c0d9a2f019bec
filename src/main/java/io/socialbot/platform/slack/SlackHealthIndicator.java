package io.socialbot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Slack as {@code auth.test} sees it, asked at most once a minute (health is polled often, Slack rate-limits).
 * Not part of readiness: with Slack down the bot keeps taking mentions and posts them when Slack is back.
 */
final class SlackHealthIndicator implements HealthIndicator {

    static final Duration CACHE = Duration.ofMinutes(1);

    private final SlackProperties properties;
    private final ObjectProvider<App> app;
    private final Clock clock;
    private volatile Health last;
    private volatile Instant checkedAt = Instant.EPOCH;

    SlackHealthIndicator(SlackProperties properties, ObjectProvider<App> app, Clock clock) {
        this.properties = properties;
        this.app = app;
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (!properties.enabled()) {
            return Health.up().withDetail("mode", "dry-run: no bot token, posts are printed").build();
        }
        Instant now = clock.instant();
        if (last != null && Duration.between(checkedAt, now).compareTo(CACHE) < 0) {
            return last;
        }
        Health health;
        try {
            AuthTestResponse r = app.getObject().client().authTest(req -> req);
            health = r.isOk()
                    ? Health.up().withDetail("mode", properties.socketMode() ? "socket" : "http")
                            .withDetail("team", String.valueOf(r.getTeamId())).build()
                    : Health.down().withDetail("error", String.valueOf(r.getError())).build();
        } catch (Exception e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
        last = health;
        checkedAt = now;
        return health;
    }
}
