package io.socialbot.casework;

import java.time.Instant;
import java.util.Optional;

/** Held replies, shared by every replica: one waiting per case, and each decided by exactly one lead. */
public interface ApprovalStore {

    /**
     * Records a waiting approval whose request is not posted yet; false when the case already has one waiting (a
     * double Send). Until {@link #posted} confirms the post, the request holds the case only until {@code postBy}:
     * one whose post never happened (a crash between the two steps) frees the case then, and can no longer be
     * decided.
     */
    boolean create(Approval approval, Instant postBy);

    Optional<Approval> find(String id);

    /**
     * Where the request was posted, so its message can be updated when a lead decides; from now on it holds the case
     * until decided. False (and the request dropped) when it came after {@code postBy}: the case may already be free.
     */
    boolean posted(String id, String channel, String messageTs, Instant now);

    /**
     * Takes the decision atomically: only the first lead's click, on any replica, gets {@link Decided}. A request
     * whose post was never confirmed by its {@code postBy} is {@link NotFound}.
     */
    DecideOutcome decide(String id, Approval.Status to, String lead, String note, String text, Instant now);

    /** An approved reply that could not be sent waits again, for the next Approve. */
    void reopen(String id);

    /**
     * Drops a request that could not be posted (the agent is told and keeps their text); false, and nothing dropped,
     * when a lead has already decided it: its post reached the channel even though the poster never heard so.
     */
    boolean cancel(String id);

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
