package io.socialbot.triage.opennlp;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.TriageDecision.Sentiment;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * A maximum-entropy document categorizer trained on the user's labelled tweets: words and bigrams, plus the
 * lexicon's verdict as one more token so the model learns when to trust it.
 */
public final class DoccatSentimentClassifier implements SentimentClassifier {

    /** How far the rarer labels are evened out: 0 not at all, 1 fully (0.85 measured best for macro-F1). */
    private static final double BALANCE = 0.85;
    /** Features seen fewer times are dropped: one-off words only add noise. */
    private static final int CUTOFF = 2;
    private final DoccatModel model;
    private final LexiconSentimentClassifier lexicon;
    // DocumentCategorizerME is not thread-safe: one per thread over the shared, immutable model
    private final ThreadLocal<DocumentCategorizerME> categorizer;

    DoccatSentimentClassifier(DoccatModel model, LexiconSentimentClassifier lexicon) {
        this.model = model;
        this.lexicon = lexicon;
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    }

    /** Loads a model written by {@code train}. */
    public static DoccatSentimentClassifier load(Path file, LexiconSentimentClassifier lexicon) throws IOException {
        return new DoccatSentimentClassifier(new DoccatModel(file), lexicon);
    }

    /**
     * Trains on the rows in an order shuffled by {@code seed}.
     *
     * @param iterations maximum-entropy training iterations (100 is plenty)
     */
    public static DoccatSentimentClassifier train(List<LabelledText> rows, LexiconSentimentClassifier lexicon,
                                                  long seed, int iterations) throws IOException {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no labelled texts to train on");
        }
        List<DocumentSample> samples = new ArrayList<>(rows.size());
        for (LabelledText row : rows) {
            samples.add(new DocumentSample(row.label().name().toLowerCase(Locale.ROOT), features(lexicon, row.text())));
        }
        samples = balanced(samples);
        Collections.shuffle(samples, new Random(seed));
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
            new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
        DoccatModel model = DocumentCategorizerME.train("x", ObjectStreamUtils.createObjectStream(samples), params, factory);
        return new DoccatSentimentClassifier(model, lexicon);
    }

    /**
     * Repeats the texts of the rarer labels until each label weighs about as much as the commonest: customer-care
     * data is mostly negative, and an unweighted model would rarely say neutral or positive.
     */
    static List<DocumentSample> balanced(List<DocumentSample> samples) {
        java.util.Map<String, List<DocumentSample>> byLabel = new java.util.TreeMap<>();
        for (DocumentSample s : samples) {
            byLabel.computeIfAbsent(s.getCategory(), k -> new ArrayList<>()).add(s);
        }
        int most = byLabel.values().stream().mapToInt(List::size).max().orElse(0);
        List<DocumentSample> out = new ArrayList<>(samples);
        for (List<DocumentSample> group : byLabel.values()) {
            double extra = Math.pow((double) most / group.size(), BALANCE) - 1;
            int copies = (int) Math.round(extra * group.size());
            for (int i = 0; i < copies; i++) {
                out.add(group.get(i % group.size()));
            }
        }
        return out;
    }

    public void save(Path file) throws IOException {
        model.serialize(file);
    }

    static String[] features(LexiconSentimentClassifier lexicon, String text) {
        List<String> tokens = new ArrayList<>(lexicon.tokens(text));
        double score = lexicon.score(text);
        tokens.add(lexicon.verdictToken(text));
        tokens.add("__lex_" + Math.round(score * 4) + "__"); // the score in quarters: finer than the verdict
        // questions are mostly neutral, exclamations rarely are; the lexicon's tokens drop punctuation
        if (text != null && text.indexOf('?') >= 0) {
            tokens.add("__question__");
        }
        if (text != null && text.indexOf('!') >= 0) {
            tokens.add("__exclaim__");
        }
        return tokens.toArray(String[]::new);
    }

    @Override
    public Sentiment classify(String text) {
        DocumentCategorizerME me = categorizer.get();
        double[] p = me.categorize(features(lexicon, text));
        Label label = Label.valueOf(me.getBestCategory(p).toUpperCase(Locale.ROOT));
        double score = probability(me, p, "positive") - probability(me, p, "negative");
        return new Sentiment(label, score);
    }

    private static double probability(DocumentCategorizerME me, double[] p, String category) {
        int index = me.getIndex(category);
        return index < 0 ? 0 : p[index];
    }
}
