package io.socialbot.triage;

import java.util.Optional;

/** Keeps each mention's triage decision; the first one saved for a key wins, so a re-delivered entry is a no-op. */
public interface DecisionStore {

    /** @return true when this call saved it, false when a decision for the key was already there */
    boolean saveIfAbsent(TriageDecision decision);

    Optional<TriageDecision> find(String key);
}
