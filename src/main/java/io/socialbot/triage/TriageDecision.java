package io.socialbot.triage;

import java.util.List;
import java.util.Set;

/**
 * What triage decided about one mention, and why. The JSON names (see {@code DecisionJson}) are published in the
 * README and the dry-run output: keep them stable.
 *
 * @param key       the mention's dedupe key ({@code source:id})
 * @param id        the mention's id
 * @param lang      ISO 639-1 language, or null when unknown
 * @param sentiment label and score in [-1, 1]
 * @param priority  P1 (most urgent) to P4
 * @param reasons   readable reasons, most important first, e.g. {@code P1: safety ("ambulance")}
 * @param themes    theme ids tagged on the mention (never places)
 * @param places    places named in the mention, from {@code socialbot.triage.places}: a facet of its own beside
 *                  themes, so coverage by place never crowds safety or legal out of the top themes
 * @param cluster   the retweet storm or near-duplicate group the mention belongs to
 * @param relevant  false for spam, giveaways and same-name mentions: kept and counted, never posted
 * @param postedTo  the Slack channel the mention is to be posted to, or null when it is not posted
 */
public record TriageDecision(
        String key,
        String id,
        String lang,
        Sentiment sentiment,
        Priority priority,
        List<String> reasons,
        List<String> themes,
        List<String> places,
        Cluster cluster,
        boolean relevant,
        String postedTo) {

    public TriageDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        themes = themes == null ? List.of() : List.copyOf(themes);
        places = places == null ? List.of() : List.copyOf(places);
    }

    /** A decision that names no places. */
    public TriageDecision(String key, String id, String lang, Sentiment sentiment, Priority priority,
                          List<String> reasons, List<String> themes, Cluster cluster, boolean relevant,
                          String postedTo) {
        this(key, id, lang, sentiment, priority, reasons, themes, List.of(), cluster, relevant, postedTo);
    }

    /** Themes whose mentions a person answers with care: never a template, never a broadcast update. */
    public static final Set<String> SAFETY_THEMES = Set.of("emergency", "safety", "vulnerable");
    /** The reason the safety rule gives ({@code P1: safety ("ambulance")}). */
    private static final String SAFETY_REASON = "P1: safety";

    /**
     * Whether a person must answer this mention with care: it has a safety theme, or the safety rule made it P1.
     * Casework (no template) and incidents (no broadcast) both ask this, so they cannot disagree.
     */
    public boolean isSafetyCase() {
        return themes.stream().anyMatch(SAFETY_THEMES::contains)
                || reasons.stream().anyMatch(r -> r.startsWith(SAFETY_REASON));
    }

    public TriageDecision withPostedTo(String channel) {
        return new TriageDecision(key, id, lang, sentiment, priority, reasons, themes, places, cluster, relevant,
                channel);
    }

    /** Negative, neutral or positive, with a score from -1 (angry) to 1 (delighted). */
    public record Sentiment(Label label, double score) {
        /** The three classes used in evaluation. */
        public enum Label { NEGATIVE, NEUTRAL, POSITIVE }
    }

    /** P1 needs a human now; P4 can wait or needs nobody. */
    public enum Priority { P1, P2, P3, P4 }

    /** A group of mentions that Slack sees as one post. */
    public record Cluster(String id, Kind kind, int size) {
        /** Why the mentions were grouped. */
        public enum Kind { SINGLE, RETWEET, CONTENT }
    }
}
