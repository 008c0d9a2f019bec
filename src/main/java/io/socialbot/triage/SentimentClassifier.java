package io.socialbot.triage;

import java.util.ArrayList;
import java.util.List;

/** Reads the feeling of a text: negative, neutral or positive, with a score in [-1, 1]. */
public interface SentimentClassifier {
    TriageDecision.Sentiment classify(String text);

    /** The sentiments of many texts, in order; a classifier that is faster on many at once overrides this. */
    default List<TriageDecision.Sentiment> classifyAll(List<String> texts) {
        List<TriageDecision.Sentiment> sentiments = new ArrayList<>(texts.size());
        for (String text : texts) {
            sentiments.add(classify(text));
        }
        return sentiments;
    }
}
