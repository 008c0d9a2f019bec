package io.socialbot.triage;

import io.socialbot.mention.Mention;

/** Decides language, sentiment, cluster, relevance, themes, priority and route for one mention. */
public interface MentionTriage {
    TriageDecision triage(Mention mention);
}
