package io.socialbot.triage.opennlp;

import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.opennlp.SentimentCrossValidation.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The candidate settings {@link SentimentCrossValidation} tries, one axis at a time, in this order. */
final class CrossValidationAxes {

    private CrossValidationAxes() {
    }

    /**
     * {@code model}, {@code lexicon} or {@code all}: the model's training settings first, then the lexicon's; {@code
     * penalty} tries the n-gram member's L2 penalty alone, further out; {@code throughput} the shipped model against
     * its words member alone and its n-gram member alone (each reads a text faster), then the penalty again; {@code
     * none} scores the settings as they are.
     */
    static List<List<UnaryOperator<Variant>>> of(String which) {
        List<List<UnaryOperator<Variant>>> axes = new ArrayList<>();
        if (which.equals("none")) {
            return axes; // the settings as they are, under either fold scheme
        }
        if (which.equals("throughput")) {
            axes.add(shares(new double[][] {{4, 0}, {0, 6}}));
            axes.add(penalty(new double[] {3, 10, 30}));
            return axes;
        }
        if (which.equals("penalty")) {
            axes.add(penalty(new double[] {1, 2, 3, 5, 10, 30, 60}));
            return axes;
        }
        if (!which.equals("lexicon")) {
            axes.addAll(model());
        }
        if (!which.equals("model")) {
            axes.addAll(lexicon());
        }
        return axes;
    }

    private static List<List<UnaryOperator<Variant>>> model() {
        List<List<UnaryOperator<Variant>>> axes = new ArrayList<>();
        // the members' shares, words : character n-grams (4 : 0 is the words model alone, as shipped before)
        axes.add(shares(new double[][] {{4, 6}, {0, 6}, {6, 4}}));
        axes.add(penalty(new double[] {10, 30, 60}));
        axes.add(modelAxis(new double[] {1, 2}, (m, x) -> new DoccatTraining.Settings(m.iterations(), (int) x,
                m.l2Cost(), m.wordsShare(), m.ngramsShare(), m.balance())));
        axes.add(modelAxis(new double[] {0.5, 0.85, 1}, (m, x) -> new DoccatTraining.Settings(m.iterations(),
                m.cutoff(), m.l2Cost(), m.wordsShare(), m.ngramsShare(), x)));
        return axes;
    }

    /** The members' shares, words : character n-grams; a share of 0 leaves that member out. */
    private static List<UnaryOperator<Variant>> shares(double[][] values) {
        List<UnaryOperator<Variant>> axis = new ArrayList<>();
        for (double[] share : values) {
            axis.add(v -> v.with(model(v, m -> new DoccatTraining.Settings(m.iterations(), m.cutoff(),
                    m.l2Cost(), share[0], share[1], m.balance()))));
        }
        return axis;
    }

    private static List<UnaryOperator<Variant>> penalty(double[] values) {
        return modelAxis(values, (m, x) -> new DoccatTraining.Settings(m.iterations(), m.cutoff(), x, m.wordsShare(),
                m.ngramsShare(), m.balance()));
    }

    /**
     * The lexicon's framing factors; its thresholds and the factor on topics outside questions were tried with the
     * words model before (see the README) and are left out to keep a run short.
     */
    private static List<List<UnaryOperator<Variant>>> lexicon() {
        List<List<UnaryOperator<Variant>>> axes = new ArrayList<>();
        axes.add(lexiconAxis(new double[] {0, 0.5}, (l, v) -> new LexiconSentimentClassifier.Settings(
                l.positiveAt(), l.negativeAt(), l.question(), v, l.topicInStatement(), l.promotion(), l.news())));
        axes.add(lexiconAxis(new double[] {0, 1}, (l, v) -> new LexiconSentimentClassifier.Settings(
                l.positiveAt(), l.negativeAt(), l.question(), l.topicInQuestion(), l.topicInStatement(), v, l.news())));
        axes.add(lexiconAxis(new double[] {0.5, 1}, (l, v) -> new LexiconSentimentClassifier.Settings(
                l.positiveAt(), l.negativeAt(), l.question(), l.topicInQuestion(), l.topicInStatement(),
                l.promotion(), v)));
        axes.add(lexiconAxis(new double[] {0.5, 1}, (l, v) -> new LexiconSentimentClassifier.Settings(
                l.positiveAt(), l.negativeAt(), v, l.topicInQuestion(), l.topicInStatement(), l.promotion(),
                l.news())));
        return axes;
    }

    private static DoccatTraining.Settings model(Variant v, UnaryOperator<DoccatTraining.Settings> change) {
        return change.apply(v.model());
    }

    private interface ModelChange {
        DoccatTraining.Settings apply(DoccatTraining.Settings settings, double value);
    }

    private interface LexiconChange {
        LexiconSentimentClassifier.Settings apply(LexiconSentimentClassifier.Settings settings, double value);
    }

    private static List<UnaryOperator<Variant>> modelAxis(double[] values, ModelChange change) {
        List<UnaryOperator<Variant>> axis = new ArrayList<>();
        for (double value : values) {
            axis.add(v -> v.with(change.apply(v.model(), value)));
        }
        return axis;
    }

    private static List<UnaryOperator<Variant>> lexiconAxis(double[] values, LexiconChange change) {
        List<UnaryOperator<Variant>> axis = new ArrayList<>();
        for (double value : values) {
            axis.add(v -> v.with(change.apply(v.lexicon(), value)));
        }
        return axis;
    }
}
