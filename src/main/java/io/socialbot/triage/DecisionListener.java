package io.socialbot.triage;

import io.socialbot.mention.Mention;

/** Acts on a triage decision once it is recorded (casework posts it, incidents count it, dry-run writes it). */
public interface DecisionListener {

    void onDecision(Mention mention, TriageDecision decision);

    /**
     * A decision saved by a replica that died before acknowledging it: it may have died before telling the
     * listeners. Only steps that know whether they already happened belong here (opening a case does; counting a
     * mention does not), so the default does nothing.
     */
    default void onRedelivered(Mention mention, TriageDecision decision) {
    }
}
