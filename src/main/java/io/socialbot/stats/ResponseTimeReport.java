package io.socialbot.stats;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Response-time figures for one window: per priority, for all cases, and per agent.
 *
 * @param at when the report was computed: open cases are measured up to this instant for breaches
 */
public record ResponseTimeReport(ReportWindow window, Instant at, List<Row> byPriority, Row total,
                                 List<AgentRow> byAgent) {

    public ResponseTimeReport {
        byPriority = List.copyOf(byPriority);
        byAgent = List.copyOf(byAgent);
    }

    /** Median and p90 (nearest rank) of the cases that reached a step; {@code count} is how many did. */
    public record Spread(int count, Duration median, Duration p90) {
        public static final Spread NONE = new Spread(0, null, null);
    }

    /**
     * One priority (or all, when {@code priority} is null). {@code toFirstReply} is the first answer the customer
     * saw, an agent's or a broadcast ({@link ResponsePolicy}); {@code byBroadcast} counts the cases whose first
     * answer was the bot's broadcast. {@code breaches} counts every case answered later than its target, or not
     * answered and the target has passed; {@code openBreaches} is the part of those still waiting. {@code
     * approvalWait} is how long the cases whose replies a lead approved waited for that approval.
     */
    public record Row(Priority priority, int cases, Spread toClaim, Spread toFirstReply, Spread toResolve,
                      int breaches, int openBreaches, int byBroadcast, Spread approvalWait) {
    }

    /**
     * One agent: the cases they claimed (or first replied to when nobody claimed). {@code toFirstReply} is their own
     * replies only: a broadcast on a case they claimed is not theirs, and the bot is never an agent.
     */
    public record AgentRow(String agent, int handled, Spread toClaim, Spread toFirstReply, Spread toResolve,
                           int breaches) {
    }

    /** How long the window's cases whose replies a lead approved waited for that approval. */
    public Spread approvalWait() {
        return total.approvalWait();
    }

    public Row row(Priority priority) {
        return byPriority.stream().filter(r -> r.priority() == priority).findFirst().orElseThrow();
    }
}
