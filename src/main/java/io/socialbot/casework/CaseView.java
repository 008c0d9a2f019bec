package io.socialbot.casework;

import io.socialbot.mention.Mention;
import io.socialbot.triage.TriageDecision;

/** Everything a Slack post of a case shows: the case, its first mention and its triage decision. */
public record CaseView(Case c, Mention mention, TriageDecision decision) {
}
