package io.socialbot.casework;

import io.socialbot.triage.SentimentLabel;
import java.util.List;
import java.util.Optional;

/**
 * Cases, with atomic ownership: whatever the number of replicas and agents, a case has at most one owner. Creating
 * a case and every change to it also queue it in the {@link CaseOutbox} in the same atomic step, so its post ends
 * showing its true state.
 */
public interface CaseStore {

    /** Creates the case unless it exists; true when this call created it. */
    boolean create(Case c);

    Optional<Case> find(String key);

    /** The case a post id (tweet id) belongs to, when it started one. */
    Optional<String> keyForPost(String postId);

    /** Takes ownership in one atomic step. */
    ClaimOutcome claim(String key, String agent);

    /** Gives ownership back; only the owner, or anyone when {@code force} (a lead). */
    ClaimOutcome release(String key, String agent, boolean force);

    /** Closes the case, keeping the resolver's note (may be blank); false when it was already closed or unknown. */
    boolean resolve(String key, String note);

    /** Adds one to the size of a cluster's case; returns the new size, or 0 when there is no case for it. */
    int grow(String key);

    /** Counts a reply sent and clears the kept draft; false when this request id was counted before. */
    boolean replied(String key, String requestId);

    /**
     * Shows on the case's post the sentiment label a person gave it and queues the post's update, unless a label
     * given later is shown already; false when there is no such case.
     */
    boolean labelled(String key, SentimentLabel label);

    /** Keeps the text of a reply that could not be sent, so the agent does not lose it. */
    void keepDraft(String key, String text);

    /** Open cases nobody owns, most urgent first, then oldest. */
    List<Case> queue(int max);

    /** How many open cases nobody owns. */
    long queueDepth();

    /** Open cases owned by {@code agent}. */
    List<Case> ownedBy(String agent);

    /** The result of a claim or release. */
    sealed interface ClaimOutcome permits Claimed, AlreadyYours, OwnedBy, Released, NotOwner, NotOpen, NotFound {
    }

    record Claimed() implements ClaimOutcome {
    }

    record AlreadyYours() implements ClaimOutcome {
    }

    record OwnedBy(String owner) implements ClaimOutcome {
    }

    record Released() implements ClaimOutcome {
    }

    record NotOwner(String owner) implements ClaimOutcome {
    }

    record NotOpen() implements ClaimOutcome {
    }

    record NotFound() implements ClaimOutcome {
    }
}
