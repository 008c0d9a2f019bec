package io.socialbot.triage;

import io.socialbot.mention.Mention;
import java.util.List;

/** Interim triage until the rule-based one lands: records the language hint and a single-mention cluster. */
final class LanguageHintTriage implements MentionTriage {
    @Override
    public TriageDecision triage(Mention m) {
        return new TriageDecision(m.key(), m.id(), m.lang(), null, null, List.of(), List.of(),
                new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.SINGLE, 1), true, null);
    }
}
