package io.socialbot.incident;

import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.TriageDecision;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** DecisionStore for tests. */
public final class InMemoryDecisionStore implements DecisionStore {

    private final Map<String, TriageDecision> decisions = new ConcurrentHashMap<>();

    @Override
    public boolean saveIfAbsent(TriageDecision decision) {
        return decisions.putIfAbsent(decision.key(), decision) == null;
    }

    @Override
    public Optional<TriageDecision> find(String key) {
        return Optional.ofNullable(decisions.get(key));
    }
}
