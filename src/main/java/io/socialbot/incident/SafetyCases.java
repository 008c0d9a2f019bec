package io.socialbot.incident;

import io.socialbot.stats.CaseTimeline;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.TriageDecision;
import java.util.Optional;
import java.util.function.Function;

/** Which cases only a person may answer ({@link TriageDecision#isSafetyCase}): no broadcast, named in digests. */
public final class SafetyCases {

    private final Function<String, Optional<TriageDecision>> decisions;

    public SafetyCases(DecisionStore decisions) {
        this(decisions::find);
    }

    /** {@code decisions}: the triage decision by case key. */
    public SafetyCases(Function<String, Optional<TriageDecision>> decisions) {
        this.decisions = decisions;
    }

    public boolean isSafety(CaseTimeline t) {
        return decisions.apply(t.caseKey()).map(TriageDecision::isSafetyCase)
                // no decision to read: treat a P1 as safety rather than risk it
                .orElse(t.priority() == TriageDecision.Priority.P1);
    }
}
