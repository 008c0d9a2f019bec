package io.socialbot.triage;

import java.time.Instant;
import java.util.List;

/**
 * The labels people give mentions' sentiment, one per mention, shared by every replica: the team's own traffic,
 * labelled, for measuring and retraining the sentiment model. The latest by {@link SentimentLabel#at} wins, whatever
 * order the writes arrive in (two replicas, two agents).
 */
public interface SentimentLabels {

    /** Keeps the label unless a later one of the same mention is kept; true when this one is now kept. */
    boolean record(SentimentLabel label);

    /** The labels given in {@code [from, to)}, oldest first. */
    List<SentimentLabel> between(Instant from, Instant to);

    /** Every label kept, oldest first. */
    default List<SentimentLabel> all() {
        return between(Instant.MIN, Instant.MAX);
    }
}
