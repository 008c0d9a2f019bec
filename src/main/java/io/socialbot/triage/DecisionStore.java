package io.socialbot.triage;

import java.util.List;
import java.util.Optional;

/** Keeps each mention's triage decision; the first one saved for a key wins, so a re-delivered entry is a no-op. */
public interface DecisionStore {

    /** @return true when this call saved it, false when a decision for the key was already there */
    boolean saveIfAbsent(TriageDecision decision);

    Optional<TriageDecision> find(String key);

    /** Saves a batch; one flag per decision, true where this call saved it. */
    default List<Boolean> saveAllIfAbsent(List<TriageDecision> decisions) {
        return decisions.stream().map(this::saveIfAbsent).toList();
    }
}
