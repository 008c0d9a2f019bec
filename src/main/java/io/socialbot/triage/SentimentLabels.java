package io.socialbot.triage;

import java.util.List;

/**
 * The labels people give mentions' sentiment, one per mention, shared by every replica: the team's own traffic,
 * labelled, for measuring and retraining the sentiment model. The latest by {@link SentimentLabel#at} wins, whatever
 * order the writes arrive in (two replicas, two agents).
 */
public interface SentimentLabels {

    /** Keeps the label unless a later one of the same mention is kept; true when this one is now kept. */
    boolean record(SentimentLabel label);

    /** Every label kept, oldest first. */
    List<SentimentLabel> all();
}
