package io.socialbot.triage;

import java.util.List;

/**
 * The labels people give mentions' sentiment, one per mention (the latest wins), shared by every replica: the
 * team's own traffic, labelled, for measuring and retraining the sentiment model.
 */
public interface SentimentLabels {

    /** Keeps the label, replacing an earlier one for the same mention. */
    void record(SentimentLabel label);

    /** Every label kept, oldest first. */
    List<SentimentLabel> all();
}
