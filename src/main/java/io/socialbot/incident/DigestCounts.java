package io.socialbot.incident;

import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Per-incident, per-hour counters of what customers said, merged over any run of hours on read. */
public interface DigestCounts {

    /**
     * What one mention adds to its hour. {@code example} is raw text: it is escaped when rendered. A mention that is
     * not {@code relevant} (spam, giveaways, same-name) only adds to {@link Window#notRelevant()}.
     */
    record MentionFacts(String authorId, String handle, long followers, boolean retweet, Label sentiment,
                        List<String> themes, List<String> places, String example, boolean press, String clusterId,
                        String clusterKind, int clusterSize, boolean relevant) {
    }

    /**
     * Counts over a set of hours, of relevant mentions only except {@code notRelevant}. Maps are keyed by theme,
     * place, handle or cluster id. {@code examples} holds one example per theme, each a different mention.
     */
    record Window(long mentions, long uniqueAuthors, long retweets, long notRelevant, Map<Label, Long> sentiment,
                  Map<String, Long> themes, Map<String, String> examples, Map<String, Long> places,
                  Map<String, Long> influencers, Map<String, Long> press, Map<String, Long> clusters,
                  Map<String, String> clusterKinds) {

        public long sentiment(Label label) {
            return sentiment.getOrDefault(label, 0L);
        }
    }

    void record(String incident, Instant hour, MentionFacts facts);

    /**
     * Counts merged over the given hour starts (unique authors are a union, not a sum), keeping the {@code top}
     * largest influencers, press and clusters per hour: exact for the overall top {@code top}, since each is merged
     * by its maximum. {@code top = 0} reads only the counts (no authors, examples or rankings), for chart series.
     */
    Window read(String incident, List<Instant> hours, int top);

    default Window read(String incident, List<Instant> hours) {
        return read(incident, hours, Integer.MAX_VALUE);
    }
}
