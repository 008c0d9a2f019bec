package io.socialbot.triage;

/**
 * The lexicon's score moved towards a trained model's score: all the way when the lexicon finds no cue, less as its
 * cue grows stronger; labelled at the blend's own thresholds.
 */
public final class BlendedSentimentClassifier implements SentimentClassifier {

    private final LexiconSentimentClassifier lexicon;
    private final Model model;
    private final Settings settings;

    /** A trained model's score in [-1, 1], such as P(positive) - P(negative), given the lexicon's score too. */
    @FunctionalInterface
    public interface Model {
        // the lexicon's score is passed in because models use it as a feature: the lexicon runs once a text
        double score(String text, double lexiconScore);

        /** The same for a text the lexicon has read; a model that reads its tokens too overrides this. */
        default double score(String text, LexiconSentimentClassifier.Reading reading) {
            return score(text, reading.score());
        }
    }

    /**
     * How the two are blended; every value was chosen by cross-validation on the project's corpus ({@code
     * SentimentCrossValidation}), never on the shared measuring sets.
     *
     * @param modelWeight the model's share where the lexicon's cue is strong (|score| at or above {@code weakBelow})
     * @param weakBelow   lexicon scores nearer 0 than this are weak cues: the model's share grows linearly from
     *                    {@code modelWeight} there to 1 at a score of 0 (no cue), so the model decides those
     * @param positiveAt  lowest blended score labelled positive
     * @param negativeAt  highest blended score labelled negative
     */
    public record Settings(double modelWeight, double weakBelow, double positiveAt, double negativeAt) {

        /** The shipped blend, chosen with whole writers held out (on the sixteen-batch corpus, 15,304 posts). */
        public static final Settings DEFAULTS = new Settings(0.9, 1.0, 0.15, -0.2);

        /** The model's share of the blend for a lexicon score. */
        public double modelShare(double lexiconScore) {
            if (weakBelow <= 0) {
                return modelWeight;
            }
            double weakness = Math.max(0, 1 - Math.abs(lexiconScore) / weakBelow);
            return modelWeight + (1 - modelWeight) * weakness;
        }

        public double blend(double lexiconScore, double modelScore) {
            double share = modelShare(lexiconScore);
            return (1 - share) * lexiconScore + share * modelScore;
        }

        public TriageDecision.Sentiment.Label labelOf(double score) {
            return score >= positiveAt ? TriageDecision.Sentiment.Label.POSITIVE
                    : score <= negativeAt ? TriageDecision.Sentiment.Label.NEGATIVE
                    : TriageDecision.Sentiment.Label.NEUTRAL;
        }
    }

    public BlendedSentimentClassifier(LexiconSentimentClassifier lexicon, Model model) {
        this(lexicon, model, Settings.DEFAULTS);
    }

    public BlendedSentimentClassifier(LexiconSentimentClassifier lexicon, Model model, Settings settings) {
        this.lexicon = lexicon;
        this.model = model;
        this.settings = settings;
    }

    @Override
    public TriageDecision.Sentiment classify(String text) {
        LexiconSentimentClassifier.Reading reading = lexicon.read(text);
        double score = settings.blend(reading.score(), model.score(text, reading));
        return new TriageDecision.Sentiment(settings.labelOf(score), score);
    }
}
