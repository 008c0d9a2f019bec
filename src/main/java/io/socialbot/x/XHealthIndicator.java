package io.socialbot.x;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** X polling as the last poll left it: off, polling, waiting on a rate limit, or failing (DOWN, with X's reason). */
final class XHealthIndicator implements HealthIndicator {

    private final XPollLoop loop;

    XHealthIndicator(XPollLoop loop) {
        this.loop = loop;
    }

    @Override
    public Health health() {
        if (!loop.isPolling()) {
            return Health.up().withDetail("polling", "off").withDetail("reason", loop.offReason()).build();
        }
        XMentionPoller.PollOutcome outcome = loop.lastOutcome();
        // Backing off after failures is still down: the reason stays visible until a poll succeeds.
        boolean failing = outcome instanceof XMentionPoller.Failed
                || outcome instanceof XMentionPoller.BackingOff off && off.failures() > 0;
        Health.Builder builder = failing ? Health.down() : Health.up();
        builder.withDetail("polling", "on");
        if (outcome != null) {
            builder.withDetail("lastPoll", String.valueOf(loop.lastPollAt()));
            builder.withDetail("lastOutcome", outcome.getClass().getSimpleName());
        }
        if (outcome instanceof XMentionPoller.BackingOff off) {
            builder.withDetail("backingOffUntil", String.valueOf(off.until())).withDetail("reason", off.reason());
        } else if (outcome instanceof XMentionPoller.Failed failed) {
            builder.withDetail("status", failed.status()).withDetail("reason", failed.reason())
                    .withDetail("retryAt", String.valueOf(failed.retryAt()));
        }
        return builder.build();
    }
}
