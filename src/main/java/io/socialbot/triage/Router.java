package io.socialbot.triage;

import java.util.Map;

/** Picks the Slack channel for a mention from its priority, rule hits, themes and language; blank is none. */
final class Router {

    private final TriageProperties.Routing routing;

    Router(TriageProperties.Routing routing) {
        this.routing = routing;
    }

    /**
     * P1 theme rules first (safety to the urgent channel, press to the press channel), then a large audience to
     * the influencers, then any other P1, then themes with their own channel, then a foreign language, then the
     * priority's channel.
     */
    String route(PriorityRules.Outcome outcome, Map<String, String> themes, String lang) {
        for (PriorityRule.Hit hit : outcome.hits()) {
            if (hit.p1() && hit.theme() != null) {
                return orElse(routing.byTheme().get(hit.theme()), byPriority(TriageDecision.Priority.P1));
            }
        }
        if (outcome.hit("audience")) {
            return orElse(routing.influencers(), byPriority(TriageDecision.Priority.P1));
        }
        if (outcome.priority() == TriageDecision.Priority.P1) {
            return byPriority(TriageDecision.Priority.P1);
        }
        for (Map.Entry<String, String> e : routing.byTheme().entrySet()) {
            if (themes.containsKey(e.getKey()) && !blank(e.getValue())) {
                return e.getValue();
            }
        }
        if (lang != null && !routing.homeLanguages().isEmpty() && !routing.homeLanguages().contains(lang)) {
            String channel = routing.byLanguage().getOrDefault(lang, routing.byLanguage().get("other"));
            if (!blank(channel)) {
                return channel;
            }
        }
        return byPriority(outcome.priority());
    }

    private String byPriority(TriageDecision.Priority priority) {
        String channel = routing.byPriority().get(priority.name());
        return blank(channel) ? null : channel.trim();
    }

    private static String orElse(String channel, String fallback) {
        return blank(channel) ? fallback : channel.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
