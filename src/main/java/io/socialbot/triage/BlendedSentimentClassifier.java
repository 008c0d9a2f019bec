package io.socialbot.triage;

/**
 * The lexicon's score moved part of the way towards a trained model's score, labelled at the lexicon's thresholds.
 */
public final class BlendedSentimentClassifier implements SentimentClassifier {

    /**
     * How far the model moves the lexicon's score. Small on purpose: the model settles the lexicon's close calls
     * (a complaint in words the lists lack: "bill went up again without warning"), but a lexicon score of -0.65
     * or below (negation, irony, an angry emoji) stays negative even against a model sure of the opposite. 0.3
     * was picked from 0.2 to 0.35 on the shared measuring sets; see the README.
     */
    static final double MODEL_WEIGHT = 0.3;

    private final LexiconSentimentClassifier lexicon;
    private final Model model;

    /** A trained model's score in [-1, 1], such as P(positive) - P(negative), given the lexicon's score too. */
    @FunctionalInterface
    public interface Model {
        // the lexicon's score is passed in because models use it as a feature: the lexicon runs once a text
        double score(String text, double lexiconScore);
    }

    public BlendedSentimentClassifier(LexiconSentimentClassifier lexicon, Model model) {
        this.lexicon = lexicon;
        this.model = model;
    }

    @Override
    public TriageDecision.Sentiment classify(String text) {
        double lexiconScore = lexicon.score(text);
        double score = (1 - MODEL_WEIGHT) * lexiconScore + MODEL_WEIGHT * model.score(text, lexiconScore);
        return new TriageDecision.Sentiment(lexicon.labelOf(score), score);
    }
}
