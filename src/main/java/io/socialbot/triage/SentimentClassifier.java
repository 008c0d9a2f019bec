package io.socialbot.triage;

/** Reads the feeling of a text: negative, neutral or positive, with a score in [-1, 1]. */
public interface SentimentClassifier {
    TriageDecision.Sentiment classify(String text);
}
