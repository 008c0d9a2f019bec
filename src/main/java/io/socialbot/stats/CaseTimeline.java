package io.socialbot.stats;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every timestamp of one case. Later steps are null until they happen; {@code claimed} and {@code agent} keep the
 * first claim, {@code firstReply} the first reply by an agent, {@code broadcast} the first status update the bot
 * sent by itself ("tell everyone waiting"); {@code note} is what the resolver wrote. {@code received} is when the
 * mention arrived (see {@link ResponsePolicy}). {@code approvalWait} is how long its replies waited for a lead's
 * approval in all (null when none was held); that wait is inside the time to first reply, never added to it.
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
        Instant broadcast,
        String note,
        Duration approvalWait) {

    /** A timeline without approvals. */
    public CaseTimeline(String caseKey, Priority priority, String incident, String channel, String agent,
                        Instant received, Instant posted, Instant claimed, Instant firstReply, Instant resolved,
                        Instant broadcast, String note) {
        this(caseKey, priority, incident, channel, agent, received, posted, claimed, firstReply, resolved, broadcast,
                note, null);
    }

    /** A case the bot never broadcast to, without a resolve note. */
    public CaseTimeline(String caseKey, Priority priority, String incident, String channel, String agent,
                        Instant received, Instant posted, Instant claimed, Instant firstReply, Instant resolved) {
        this(caseKey, priority, incident, channel, agent, received, posted, claimed, firstReply, resolved,
                (Instant) null, null);
    }

    /** A timeline without a resolve note. */
    public CaseTimeline(String caseKey, Priority priority, String incident, String channel, String agent,
                        Instant received, Instant posted, Instant claimed, Instant firstReply, Instant resolved,
                        Instant broadcast) {
        this(caseKey, priority, incident, channel, agent, received, posted, claimed, firstReply, resolved, broadcast,
                null);
    }

    /** A case the bot never broadcast to. */
    public CaseTimeline(String caseKey, Priority priority, String incident, String channel, String agent,
                        Instant received, Instant posted, Instant claimed, Instant firstReply, Instant resolved,
                        String note) {
        this(caseKey, priority, incident, channel, agent, received, posted, claimed, firstReply, resolved, null, note);
    }

    /** The same timeline with one more approval wait. */
    public CaseTimeline plusApprovalWait(Duration waited) {
        return new CaseTimeline(caseKey, priority, incident, channel, agent, received, posted, claimed, firstReply,
                resolved, broadcast, note, approvalWait == null ? waited : approvalWait.plus(waited));
    }

    public Optional<Duration> approvalWaitTime() {
        return Optional.ofNullable(approvalWait);
    }

    public Optional<Duration> timeToClaim() {
        return between(received, claimed);
    }

    /** Time to the first reply an agent wrote. */
    public Optional<Duration> timeToFirstReply() {
        return between(received, firstReply);
    }

    /** Time to the first answer the customer saw, an agent's reply or a broadcast, whichever came first. */
    public Optional<Duration> timeToFirstResponse() {
        return between(received, firstResponse());
    }

    public Optional<Duration> timeToResolve() {
        return between(received, resolved);
    }

    /** The first answer of either kind, or null. */
    public Instant firstResponse() {
        if (firstReply == null) {
            return broadcast;
        }
        return broadcast == null || !broadcast.isBefore(firstReply) ? firstReply : broadcast;
    }

    /** Whether the first answer the customer saw was the bot's broadcast rather than an agent's reply. */
    public boolean answeredFirstByBroadcast() {
        return broadcast != null && (firstReply == null || broadcast.isBefore(firstReply));
    }

    public boolean open() {
        return resolved == null;
    }

    private static Optional<Duration> between(Instant from, Instant to) {
        return from == null || to == null ? Optional.empty() : Optional.of(Duration.between(from, to));
    }
}
