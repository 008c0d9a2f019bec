package io.socialbot.casework;

import io.socialbot.prompt.PromptId;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.triage.TriageDecision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Suggested replies in the brand's voice from {@code prompts/reply/}, chosen by theme and sentiment. Safety cases get
 * none: a person writes those.
 */
public final class ReplySuggestions {

    public static final PromptId OUTAGE = PromptId.of("reply/outage", "handle", "update");
    public static final PromptId COMPENSATION = PromptId.of("reply/compensation", "handle");
    public static final PromptId CHURN = PromptId.of("reply/churn", "handle");
    public static final PromptId BILLING = PromptId.of("reply/billing", "handle");
    public static final PromptId PRESS = PromptId.of("reply/press", "handle");
    public static final PromptId PRAISE = PromptId.of("reply/praise", "handle");
    public static final PromptId NEGATIVE = PromptId.of("reply/negative", "handle");
    public static final PromptId GENERAL = PromptId.of("reply/general", "handle");
    /** Thanks for good news about the outage (service back): never the outage apology. */
    public static final PromptId SERVICE_BACK = PromptId.of("reply/service-back", "handle");

    /** The templates the lead's status update is put into, for the length check on {@code /incident update}. */
    public static final List<PromptId> WITH_UPDATE = List.of(OUTAGE);
    /** The longest handle X allows (15 characters), to measure a suggestion at its longest. */
    public static final String LONGEST_HANDLE = "@" + "x".repeat(15);

    private static final String NO_UPDATE = "Our engineers are on it and we'll share progress here as soon as we have it.";

    private final PromptTemplates templates;

    public ReplySuggestions(PromptTemplates templates) {
        this.templates = templates;
    }

    /** Up to three suggestions, best first; empty for safety cases. */
    public List<String> suggest(String handle, TriageDecision decision, Optional<String> latestUpdate) {
        if (decision.isSafetyCase()) {
            return List.of();
        }
        Set<PromptId> chosen = new LinkedHashSet<>();
        List<String> themes = decision.themes();
        if (themes.contains("press")) {
            chosen.add(PRESS);
        }
        if (themes.contains("compensation")) {
            chosen.add(COMPENSATION);
        }
        if (themes.contains("churn")) {
            chosen.add(CHURN);
        }
        if (themes.contains("billing")) {
            chosen.add(BILLING);
        }
        TriageDecision.Sentiment s = decision.sentiment();
        boolean goodNews = s != null && s.label() == TriageDecision.Sentiment.Label.POSITIVE
                || themes.contains("praise");
        boolean aboutOutage = themes.contains("outage") || themes.contains("coverage");
        if (goodNews) {
            // a customer thanking us ("it's back, thanks!") gets thanks back, never the outage apology
            chosen.add(aboutOutage ? SERVICE_BACK : PRAISE);
            chosen.add(PRAISE);
        } else {
            if (aboutOutage) {
                chosen.add(OUTAGE);
            }
            if (s != null && s.label() == TriageDecision.Sentiment.Label.NEGATIVE) {
                chosen.add(NEGATIVE);
            }
        }
        chosen.add(GENERAL);
        Map<String, Object> values = values("@" + handle, latestUpdate.orElse(NO_UPDATE));
        List<String> out = new ArrayList<>();
        for (PromptId id : chosen) {
            out.add(templates.render(id, values));
            if (out.size() == 3) {
                break;
            }
        }
        return out;
    }

    /** What every suggestion template is filled with. */
    public static Map<String, Object> values(String handle, String update) {
        return Map.of("handle", handle, "update", update);
    }
}
