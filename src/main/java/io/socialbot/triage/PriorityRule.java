package io.socialbot.triage;

import io.socialbot.mention.Mention;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One small priority rule: what it saw in a mention, how much that weighs, and whether it alone makes P1. */
@FunctionalInterface
interface PriorityRule {

    Optional<Hit> apply(Signals signals);

    /**
     * What the rules look at. {@code themes} maps each theme found to the phrase that found it; {@code echo} says the
     * mention repeats a post someone else made (a retweet, or a later share of the same link), so it adds to that
     * post rather than bringing a new person who needs help.
     */
    record Signals(Mention mention, TriageDecision.Sentiment sentiment, Map<String, String> themes,
                   TriageDecision.Cluster cluster, Duration clusterAge, boolean echo) {

        Signals(Mention mention, TriageDecision.Sentiment sentiment, Map<String, String> themes,
                TriageDecision.Cluster cluster, Duration clusterAge) {
            this(mention, sentiment, themes, cluster, clusterAge, false);
        }
    }

    /**
     * A matched rule.
     *
     * @param rule   the rule's name (safety, negative, influence...)
     * @param weight what it adds to the score
     * @param p1     true when it makes the mention P1 whatever the score
     * @param reason the readable reason, e.g. {@code safety ("ambulance")}
     * @param theme  the theme behind a theme rule, else null
     */
    record Hit(String rule, double weight, boolean p1, String reason, String theme) {
        Hit(String rule, double weight, boolean p1, String reason) {
            this(rule, weight, p1, reason, null);
        }
    }
}
