package io.socialbot.casework;

import java.util.Optional;

/** Held replies, shared by every replica: one waiting per case, and each decided by exactly one lead. */
public interface ApprovalStore {

    /** Records a waiting approval; false when the case already has one waiting (a double Send). */
    boolean create(Approval approval);

    Optional<Approval> find(String id);

    /** Where the request was posted, so its message can be updated when a lead decides. */
    void posted(String id, String channel, String messageTs);

    /** Takes the decision atomically: only the first lead's click, on any replica, gets {@link Decided}. */
    DecideOutcome decide(String id, Approval.Status to, String lead, String note, String text);

    /** An approved reply that could not be sent waits again, for the next Approve. */
    void reopen(String id);

    /** Drops a request that could not be posted: the agent is told and keeps their text. */
    void cancel(String id);

    /** How a decision went. */
    sealed interface DecideOutcome {
    }

    /** This lead decided; {@code approval} as it was when they did (text as approved). */
    record Decided(Approval approval) implements DecideOutcome {
    }

    /** Someone decided first (or a second click arrived). */
    record AlreadyDecided(Approval approval) implements DecideOutcome {
    }

    record NotFound() implements DecideOutcome {
    }
}
