package io.socialbot.stats;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every timestamp of one case. Later steps are null until they happen; {@code claimed} and {@code agent} keep the
 * first claim, {@code firstReply} the first reply; {@code note} is what the resolver wrote.
 */
public record CaseTimeline(
        String caseKey,
        Priority priority,
        String incident,
        String channel,
        String agent,
        Instant received,
        Instant posted,
        Instant claimed,
        Instant firstReply,
        Instant resolved,
        String note) {

    /** A timeline without a resolve note. */
    public CaseTimeline(String caseKey, Priority priority, String incident, String channel, String agent,
                        Instant received, Instant posted, Instant claimed, Instant firstReply, Instant resolved) {
        this(caseKey, priority, incident, channel, agent, received, posted, claimed, firstReply, resolved, null);
    }

    public Optional<Duration> timeToClaim() {
        return between(received, claimed);
    }

    public Optional<Duration> timeToFirstReply() {
        return between(received, firstReply);
    }

    public Optional<Duration> timeToResolve() {
        return between(received, resolved);
    }

    public boolean open() {
        return resolved == null;
    }

    private static Optional<Duration> between(Instant from, Instant to) {
        return from == null || to == null ? Optional.empty() : Optional.of(Duration.between(from, to));
    }
}
