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
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Two maximum-entropy document categorizers trained on the user's labelled tweets, folded into one model: GIS on
 * {@link SentimentFeatures#words words}, and L-BFGS with an L2 penalty on those plus character n-grams.
 */
public final class DoccatSentimentClassifier implements SentimentClassifier {

    /** How far the rarer labels are evened out: 0 not at all, 1 fully (0.85 measured best for macro-F1). */
    private static final double BALANCE = 0.85;
    /** Features seen fewer times are dropped: one-off words only add noise. */
    private static final int CUTOFF = 2;
    /** The L-BFGS model's L2 penalty: n-grams are many and overlap (30 beat 20 and 45 in cross-validation). */
    private static final double L2_COST = 30;
    /** Marks models built on {@link SentimentFeatures}; one trained on other features would score garbage. */
    private static final String FEATURES_ENTRY = "socialbot.sentiment.features";
    private static final String FEATURES = "words-negation-bigrams-lexicon-chargrams";
    /** OpenNLP 2.x logs every training iteration at INFO through SLF4J; its PrintMessages switch is gone. */
    private static final String OPENNLP_LOGGER = "opennlp";
    private static final String LANGUAGE = "x";
    private final DoccatModel model;
    private final LexiconSentimentClassifier lexicon;
    // DocumentCategorizerME is not thread-safe: one per thread over the shared, immutable model
    private final ThreadLocal<DocumentCategorizerME> categorizer;

    DoccatSentimentClassifier(DoccatModel model, LexiconSentimentClassifier lexicon) {
        this.model = model;
        this.lexicon = lexicon;
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    }

    /** Loads a model written by {@code train}; one written by an older version is refused, to be trained again. */
    public static DoccatSentimentClassifier load(Path file, LexiconSentimentClassifier lexicon) throws IOException {
        DoccatModel model = new DoccatModel(file);
        if (!FEATURES.equals(model.getManifestProperty(FEATURES_ENTRY))) {
            throw new IllegalArgumentException(file + " was trained on other features than this version reads; "
                    + "run train again");
        }
        return new DoccatSentimentClassifier(model, lexicon);
    }

    /**
     * Trains on the rows in an order shuffled by {@code seed}.
     *
     * @param iterations training iterations of each of the two models (100 is plenty)
     */
    public static DoccatSentimentClassifier train(List<LabelledText> rows, LexiconSentimentClassifier lexicon,
                                                  long seed, int iterations) throws IOException {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no labelled texts to train on");
        }
        List<DocumentSample> words = new ArrayList<>(rows.size());
        List<DocumentSample> withCharacters = new ArrayList<>(rows.size());
        for (LabelledText row : rows) {
            String label = row.label().name().toLowerCase(Locale.ROOT);
            words.add(new DocumentSample(label, SentimentFeatures.words(lexicon, row.text()).toArray(String[]::new)));
            withCharacters.add(new DocumentSample(label,
                    SentimentFeatures.withCharacters(lexicon, row.text()).toArray(String[]::new)));
        }
        TrainingParameters gis = parameters(GISTrainer.MAXENT_VALUE, iterations);
        TrainingParameters lbfgs = parameters(QNTrainer.MAXENT_QN_VALUE, iterations);
        lbfgs.put(QNTrainer.L2COST_PARAM, L2_COST);
        lbfgs.put(QNTrainer.L1COST_PARAM, 0.0); // OpenNLP's default adds an L1 penalty too
        // GIS stopped early and L-BFGS with a penalty err differently: in cross-validation their blend beat either
        MaxentModel blend = quietly(() -> MaxentBlend.geometricMean(List.of(
                trained(words, gis, seed), trained(withCharacters, lbfgs, seed))));
        return new DoccatSentimentClassifier(new DoccatModel(LANGUAGE, blend, Map.of(FEATURES_ENTRY, FEATURES),
                factory()), lexicon);
    }

    private static TrainingParameters parameters(String algorithm, int iterations) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        return params;
    }

    private static MaxentModel trained(List<DocumentSample> samples, TrainingParameters params, long seed)
            throws IOException {
        List<DocumentSample> shuffled = balanced(samples);
        Collections.shuffle(shuffled, new Random(seed));
        return DocumentCategorizerME.train(LANGUAGE, ObjectStreamUtils.createObjectStream(shuffled), params, factory())
                .getMaxentModel();
    }

    /** The features are made whole by {@link SentimentFeatures}; OpenNLP only has to take them as they are. */
    private static DoccatFactory factory() {
        return new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()});
    }

    /** Runs training with OpenNLP's loggers at WARN, then puts them back: else it logs every iteration. */
    private static <T> T quietly(Training<T> training) throws IOException {
        LoggingSystem logging = LoggingSystem.get(DoccatSentimentClassifier.class.getClassLoader());
        LoggerConfiguration before = logging.getLoggerConfiguration(OPENNLP_LOGGER);
        logging.setLogLevel(OPENNLP_LOGGER, LogLevel.WARN);
        try {
            return training.run();
        } finally {
            logging.setLogLevel(OPENNLP_LOGGER, before == null ? null : before.getConfiguredLevel());
        }
    }

    /** A training step that may fail to read its samples. */
    private interface Training<T> {
        T run() throws IOException;
    }

    /**
     * Repeats the texts of the rarer labels until each label weighs about as much as the commonest: customer-care
     * data is mostly negative, and an unweighted model would rarely say neutral or positive.
     */
    static List<DocumentSample> balanced(List<DocumentSample> samples) {
        Map<String, List<DocumentSample>> byLabel = new TreeMap<>();
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

    @Override
    public Sentiment classify(String text) {
        DocumentCategorizerME me = categorizer.get();
        double[] p = me.categorize(SentimentFeatures.withCharacters(lexicon, text).toArray(String[]::new));
        Label label = Label.valueOf(me.getBestCategory(p).toUpperCase(Locale.ROOT));
        double score = probability(me, p, "positive") - probability(me, p, "negative");
        return new Sentiment(label, score);
    }

    private static double probability(DocumentCategorizerME me, double[] p, String category) {
        int index = me.getIndex(category);
        return index < 0 ? 0 : p[index];
    }
}
