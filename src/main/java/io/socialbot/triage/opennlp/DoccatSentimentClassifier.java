package io.socialbot.triage.opennlp;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.TriageDecision.Sentiment;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Maximum-entropy models trained on the user's labelled tweets, folded into one: GIS on {@link SentimentFeatures#words
 * words}; L-BFGS with an L2 penalty on those plus character n-grams, each scaled by its {@link LogCountRatios
 * log-count ratio}; and, unless turned off, L-BFGS on the tweet's {@link MiniLmSentenceEmbedder sentence embedding}.
 */
public final class DoccatSentimentClassifier implements SentimentClassifier {

    /** How far the rarer labels are evened out: 0 not at all, 1 fully (0.85 measured best for macro-F1). */
    private static final double BALANCE = 0.85;
    /** Features seen fewer times are dropped: one-off words only add noise. */
    private static final int CUTOFF = 2;
    /** The n-gram model's L2 penalty: n-grams are many and overlap (30 beat 15 and 60 in cross-validation). */
    private static final double L2_COST = 30;
    /** The embedding model's L2 penalty: 384 dense values need little (chosen by cross-validation). */
    private static final double EMBEDDING_L2_COST = 1;
    /** L-BFGS iterations of the embedding model, which converges slower than the sparse ones. */
    private static final int EMBEDDING_ITERATIONS = 200;
    /**
     * Embedding values are multiplied by this: the vectors have unit length, so each of the 384 values is near 0.05,
     * and the penalty above was chosen at this scale.
     */
    private static final float EMBEDDING_GAIN = 10f;
    /** A feature every text has, so the embedding model can learn each label's base rate apart from the vector. */
    private static final String EMBEDDING_BIAS = "__sentence__";
    private static final String EMBEDDING_PREFIX = "__e";
    /** The members' shares of the blend, words : n-grams : embedding, from cross-validation inside the 80%. */
    private static final double WORDS_SHARE = 4;
    private static final double NGRAMS_SHARE = 6;
    private static final double EMBEDDING_SHARE = 3;
    /** Marks models built on these features; one trained on other features would score garbage. */
    private static final String FEATURES_ENTRY = "socialbot.sentiment.features";
    private static final String FEATURES = "words-negation-bigrams-lexicon-chargrams-nbscaled";
    /** Which sentence embedder a model was trained with, or {@link #NO_EMBEDDINGS}. */
    private static final String EMBEDDINGS_ENTRY = "socialbot.sentiment.embeddings";
    private static final String NO_EMBEDDINGS = "none";
    /** The model's outcome names, indexed by {@link Label#ordinal()}. */
    private static final String[] LABELS = Arrays.stream(Label.values()).map(l -> l.name().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);
    /** OpenNLP 2.x logs every training iteration at INFO through SLF4J; its PrintMessages switch is gone. */
    private static final String OPENNLP_LOGGER = "opennlp";
    private static final String LANGUAGE = "x";
    private final DoccatModel model;
    private final MaxentModel maxent;
    private final LexiconSentimentClassifier lexicon;
    private final MiniLmSentenceEmbedder embedder;

    DoccatSentimentClassifier(DoccatModel model, LexiconSentimentClassifier lexicon, MiniLmSentenceEmbedder embedder) {
        this.model = model;
        this.maxent = model.getMaxentModel();
        this.lexicon = lexicon;
        this.embedder = embedder;
    }

    /** Loads a model written by {@code train}; one written by an older version is refused, to be trained again. */
    public static DoccatSentimentClassifier load(Path file, LexiconSentimentClassifier lexicon) throws IOException {
        DoccatModel model = new DoccatModel(file);
        if (!FEATURES.equals(model.getManifestProperty(FEATURES_ENTRY))) {
            throw new IllegalArgumentException(file + " was trained on other features than this version reads; "
                    + "run train again");
        }
        String embeddings = model.getManifestProperty(EMBEDDINGS_ENTRY);
        if (MiniLmSentenceEmbedder.NAME.equals(embeddings)) {
            SentenceEmbeddings.require(file + " was trained with sentence embeddings");
            return new DoccatSentimentClassifier(model, lexicon, MiniLmSentenceEmbedder.shared());
        }
        if (NO_EMBEDDINGS.equals(embeddings)) {
            return new DoccatSentimentClassifier(model, lexicon, null);
        }
        throw new IllegalArgumentException(file + " needs sentence embeddings '" + embeddings
                + "', which this version does not have; run train again");
    }

    /** Trains with sentence embeddings; see {@link #train(List, LexiconSentimentClassifier, long, int, boolean)}. */
    public static DoccatSentimentClassifier train(List<LabelledText> rows, LexiconSentimentClassifier lexicon,
                                                  long seed, int iterations) throws IOException {
        return train(rows, lexicon, seed, iterations, true);
    }

    /**
     * Trains on the rows in an order shuffled by {@code seed}.
     *
     * @param iterations training iterations of the two n-gram models (100 is plenty)
     * @param embeddings whether to add the sentence-embedding model: better by about 0.01 macro-F1, and about a
     *                   hundred times slower to classify
     */
    public static DoccatSentimentClassifier train(List<LabelledText> rows, LexiconSentimentClassifier lexicon,
                                                  long seed, int iterations, boolean embeddings) throws IOException {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no labelled texts to train on");
        }
        List<Event> words = new ArrayList<>(rows.size());
        List<String[]> withCharacters = new ArrayList<>(rows.size());
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            LabelledText row = rows.get(i);
            labels[i] = row.label().ordinal();
            SentimentFeatures.Both features = SentimentFeatures.both(lexicon, row.text());
            // the members read the features as given, with no prefix of OpenNLP's, as classify passes them
            words.add(new Event(LABELS[labels[i]], features.words().toArray(String[]::new)));
            withCharacters.add(features.withCharacters().toArray(String[]::new));
        }
        Map<String, Double> scales = LogCountRatios.scales(withCharacters, labels, LABELS.length, CUTOFF);
        List<Event> ngrams = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ngrams.add(scaled(LABELS[labels[i]], withCharacters.get(i), scales));
        }
        if (embeddings) {
            SentenceEmbeddings.require("train with sentence embeddings (or --embeddings=false)");
        }
        MiniLmSentenceEmbedder embedder = embeddings ? MiniLmSentenceEmbedder.shared() : null;
        List<Event> sentences = new ArrayList<>();
        if (embedder != null) {
            List<float[]> vectors = embedder.embedAll(rows.stream().map(LabelledText::text).toList());
            for (int i = 0; i < rows.size(); i++) {
                sentences.add(embedded(LABELS[labels[i]], vectors.get(i)));
            }
        }
        TrainingParameters gis = parameters(GISTrainer.MAXENT_VALUE, iterations, CUTOFF);
        TrainingParameters lbfgs = realValued(parameters(QNTrainer.MAXENT_QN_VALUE, iterations, CUTOFF), L2_COST);
        TrainingParameters dense = realValued(parameters(QNTrainer.MAXENT_QN_VALUE, EMBEDDING_ITERATIONS, 0),
                EMBEDDING_L2_COST);
        // the members err differently: GIS stopped early, L-BFGS with a penalty, and one that reads meaning
        MaxentModel blend = quietly(() -> {
            List<MaxentBlend.Member> members = new ArrayList<>();
            members.add(new MaxentBlend.Member(trained(words, gis, seed), WORDS_SHARE, Map.of()));
            members.add(new MaxentBlend.Member(trained(ngrams, lbfgs, seed), NGRAMS_SHARE, scales));
            if (embedder != null) {
                members.add(new MaxentBlend.Member(trained(sentences, dense, seed), EMBEDDING_SHARE, Map.of()));
            }
            return MaxentBlend.weightedGeometricMean(members);
        });
        Map<String, String> manifest = Map.of(FEATURES_ENTRY, FEATURES,
                EMBEDDINGS_ENTRY, embedder == null ? NO_EMBEDDINGS : MiniLmSentenceEmbedder.NAME);
        return new DoccatSentimentClassifier(new DoccatModel(LANGUAGE, blend, manifest, factory()), lexicon, embedder);
    }

    private static TrainingParameters parameters(String algorithm, int iterations, int cutoff) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        return params;
    }

    private static TrainingParameters realValued(TrainingParameters params, double l2Cost) {
        params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
        params.put(QNTrainer.L2COST_PARAM, l2Cost);
        params.put(QNTrainer.L1COST_PARAM, 0.0); // OpenNLP's default adds an L1 penalty too
        return params;
    }

    /** A text's features at their scale, each once with its count folded into its value; unscaled ones dropped. */
    private static Event scaled(String label, String[] features, Map<String, Double> scales) {
        Map<String, Float> values = new LinkedHashMap<>();
        for (String feature : features) {
            Double scale = scales.get(feature);
            if (scale != null) {
                values.merge(feature, scale.floatValue(), Float::sum);
            }
        }
        return event(label, values);
    }

    private static Event embedded(String label, float[] vector) {
        Map<String, Float> values = new LinkedHashMap<>();
        for (int k = 0; k < vector.length; k++) {
            values.put(EMBEDDING_PREFIX + k, vector[k] * EMBEDDING_GAIN);
        }
        values.put(EMBEDDING_BIAS, 1f);
        return event(label, values);
    }

    private static Event event(String label, Map<String, Float> values) {
        String[] context = values.keySet().toArray(String[]::new);
        float[] value = new float[context.length];
        for (int i = 0; i < context.length; i++) {
            value[i] = values.get(context[i]);
        }
        return new Event(label, context, value);
    }

    private static MaxentModel trained(List<Event> events, TrainingParameters params, long seed) throws IOException {
        List<Event> shuffled = balanced(events, Event::getOutcome);
        Collections.shuffle(shuffled, new Random(seed));
        return TrainerFactory.getEventTrainer(params, null).train(ObjectStreamUtils.createObjectStream(shuffled));
    }

    /**
     * The doccat model is the file format's container; {@link #classify} evaluates its maxent model directly, with
     * values, so this feature generator is recorded but never run.
     */
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
    private static <T> List<T> balanced(List<T> samples, Function<T, String> label) {
        Map<String, List<T>> byLabel = new TreeMap<>();
        for (T s : samples) {
            byLabel.computeIfAbsent(label.apply(s), k -> new ArrayList<>()).add(s);
        }
        int most = byLabel.values().stream().mapToInt(List::size).max().orElse(0);
        List<T> out = new ArrayList<>(samples);
        for (List<T> group : byLabel.values()) {
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

    /** Whether this build carries the sentence embedder ({@code -Pembeddings}); the default jar leaves it out. */
    public static boolean sentenceEmbeddingsAvailable() {
        return SentenceEmbeddings.available();
    }

    /** Whether the model reads sentence embeddings, which makes it better and slower. */
    public boolean usesEmbeddings() {
        return embedder != null;
    }

    @Override
    public Sentiment classify(String text) {
        return classify(text, embedder == null ? null : embedder.embed(text));
    }

    /** Embeds the texts together, on all cores, which is most of the time a model with embeddings takes. */
    @Override
    public List<Sentiment> classifyAll(List<String> texts) {
        if (embedder == null) {
            return SentimentClassifier.super.classifyAll(texts);
        }
        List<float[]> vectors = embedder.embedAll(texts);
        List<Sentiment> sentiments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            sentiments.add(classify(texts.get(i), vectors.get(i)));
        }
        return sentiments;
    }

    private Sentiment classify(String text, float[] vector) {
        List<String> features = SentimentFeatures.withCharacters(lexicon, text);
        int count = features.size();
        String[] context = new String[count + (vector == null ? 0 : vector.length + 1)];
        float[] values = new float[context.length];
        for (int i = 0; i < count; i++) {
            context[i] = features.get(i);
            values[i] = 1;
        }
        if (vector != null) {
            for (int k = 0; k < vector.length; k++) {
                context[count + k] = EMBEDDING_PREFIX + k;
                values[count + k] = vector[k] * EMBEDDING_GAIN;
            }
            context[context.length - 1] = EMBEDDING_BIAS;
            values[context.length - 1] = 1;
        }
        double[] p = maxent.eval(context, values);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        Label label = Label.valueOf(maxent.getOutcome(best).toUpperCase(Locale.ROOT));
        return new Sentiment(label, probability(p, "positive") - probability(p, "negative"));
    }

    private double probability(double[] p, String label) {
        int index = maxent.getIndex(label);
        return index < 0 ? 0 : p[index];
    }
}
