package io.socialbot.triage;

import io.socialbot.mention.Mention;

/** Acts on a triage decision once it is recorded (casework posts it, incidents count it, dry-run writes it). */
public interface DecisionListener {
    void onDecision(Mention mention, TriageDecision decision);
}
