package io.socialbot.stats;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * The one response-time rule that {@code /stats}, the gauges and the incident digest all apply.
 * <ul>
 * <li>The clock starts when the mention arrived at the bot ({@link CaseTimeline#received()}: when the webhook, the
 *     X poller or a replay handed it to the store), so time in our own queue and triage counts; the network's
 *     {@code created_at} is used only for a mention stored before arrival was recorded (capped at triage).</li>
 * <li>It stops at the first answer the customer saw: an agent's reply or the bot's status-update broadcast,
 *     whichever came first; a case closed without any answer stops it at resolution; a case still waiting is
 *     measured up to now.</li>
 * <li>The target is per priority ({@code socialbot.stats.first-reply-sla}); breached means strictly longer.</li>
 * <li>Days and windows are read in the brand's zone ({@code socialbot.stats.zone}).</li>
 * </ul>
 */
public final class ResponsePolicy {

    private final Map<Priority, Duration> targets;
    private final ZoneId zone;

    public ResponsePolicy(Map<Priority, Duration> targets, ZoneId zone) {
        this.targets = Map.copyOf(targets);
        this.zone = zone;
        for (Priority p : Priority.values()) {
            if (!this.targets.containsKey(p)) {
                throw new IllegalArgumentException("no first-response target for " + p);
            }
        }
    }

    public static ResponsePolicy of(StatsProperties properties) {
        return new ResponsePolicy(properties.firstReplySla(), properties.zone());
    }

    public Duration target(Priority priority) {
        return targets.get(priority);
    }

    public ZoneId zone() {
        return zone;
    }

    /** How long the customer waited (or has waited so far) for a first answer. */
    public Duration waited(CaseTimeline c, Instant now) {
        Instant first = c.firstResponse();
        Instant end = first != null ? first : c.resolved() != null ? c.resolved() : now;
        return Duration.between(c.received(), end);
    }

    public boolean breached(CaseTimeline c, Instant now) {
        return waited(c, now).compareTo(target(c.priority())) > 0;
    }

    /** Open with no answer of either kind yet. */
    public boolean waiting(CaseTimeline c) {
        return c.open() && c.firstResponse() == null;
    }
}
