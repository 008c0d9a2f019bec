package io.socialbot.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules for which replies a lead must approve, each a small check that names itself when it applies. */
public final class ApprovalRules {

    private final ApprovalProperties settings;

    public ApprovalRules(ApprovalProperties settings) {
        this.settings = settings;
    }

    /** Why this reply needs approval, or empty when it may go straight out. Leads never need one. */
    public Optional<String> reason(String agent, boolean agentIsLead, Optional<CaseView> view, boolean incidentRuns) {
        if (!settings.enabled() || agentIsLead) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        if (settings.trainees().contains(agent)) {
            why.add("written by a trainee");
        }
        view.ifPresent(v -> {
            if (v.c().priority() != null && settings.priorities().contains(v.c().priority())) {
                why.add(v.c().priority().name() + " case");
            }
            v.decision().themes().stream().filter(settings.themes()::contains).forEach(t -> why.add("theme " + t));
        });
        if (settings.duringIncident() && incidentRuns) {
            why.add("an incident is running");
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", why));
    }
}
