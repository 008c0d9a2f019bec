package io.socialbot.casework;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Instant;

/** A timed step in the life of a case: what response-time reports and digests are computed from. */
public sealed interface CaseEvent {

    /** The case is the mention's key ({@code source:id}); a cluster's case is its first mention's key. */
    String caseKey();

    Instant at();

    /** Triage kept the mention for people to look at. {@code incident} is null outside an incident. */
    record Received(String caseKey, Priority priority, String incident, Instant at) implements CaseEvent {
    }

    /** Posted to a Slack channel. */
    record Posted(String caseKey, String channel, Instant at) implements CaseEvent {
    }

    /** An agent (Slack user id) took ownership. */
    record Claimed(String caseKey, String agent, Instant at) implements CaseEvent {
    }

    /** The owner gave the case back. */
    record Released(String caseKey, String agent, Instant at) implements CaseEvent {
    }

    /** An agent's reply went out on X; the first one is the case's first agent reply. */
    record Replied(String caseKey, String agent, Instant at) implements CaseEvent {
    }

    /**
     * The bot itself replied with an incident status update ("tell everyone waiting"): a first response of its
     * own kind, never an agent's reply and never an agent.
     */
    record Broadcast(String caseKey, String updateId, Instant at) implements CaseEvent {
    }

    /** Closed, with or without a reply; {@code note} is what the resolver wrote (null when nothing). */
    record Resolved(String caseKey, String agent, String note, Instant at) implements CaseEvent {
        public Resolved(String caseKey, String agent, Instant at) {
            this(caseKey, agent, null, at);
        }
    }

    /**
     * A lead decided on a reply held for approval ({@code approved} or returned); {@code requested} is when the
     * agent pressed Send, so the wait is {@code requested} to {@code at}.
     */
    record ApprovalDecided(String caseKey, String lead, Instant requested, boolean approved, Instant at)
            implements CaseEvent {
        public java.time.Duration waited() {
            return java.time.Duration.between(requested, at);
        }
    }
}
