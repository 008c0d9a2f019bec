package io.socialbot.triage.opennlp;

import io.socialbot.platform.progress.Progress;
import io.socialbot.triage.BlendedSentimentClassifier;
import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.TriageDecision.Sentiment;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Maximum-entropy models trained on the user's labelled tweets, folded into one: GIS on {@link SentimentFeatures#words
 * words}; L-BFGS with an L2 penalty on those plus character n-grams, each scaled by its {@link LogCountRatios
 * log-count ratio}; and, unless turned off, L-BFGS on the tweet's {@link MiniLmSentenceEmbedder sentence embedding}.
 */
public final class DoccatSentimentClassifier implements SentimentClassifier {

    /** Embedding values are multiplied by this in training and classifying (see {@link DoccatTraining}). */
    static final float EMBEDDING_GAIN = 10f;
    /** A feature every text has, so the embedding model can learn each label's base rate apart from the vector. */
    static final String EMBEDDING_BIAS = "__sentence__";
    static final String EMBEDDING_PREFIX = "__e";
    /** Marks models built on these features; one trained on other features would score garbage. */
    private static final String FEATURES_ENTRY = "socialbot.sentiment.features";
    private static final String FEATURES = "words-negation-bigrams-lexicon-chargrams-nbscaled";
    /** Which sentence embedder a model was trained with, or {@link #NO_EMBEDDINGS}. */
    private static final String EMBEDDINGS_ENTRY = "socialbot.sentiment.embeddings";
    private static final String NO_EMBEDDINGS = "none";
    /** The model's outcome names, indexed by {@link Label#ordinal()}. */
    static final String[] LABELS = Arrays.stream(Label.values()).map(l -> l.name().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);
    private static final String LANGUAGE = "x";
    /** The hashes of the embedding's features {@code __e0} to {@code __e383}. */
    private static final long[] EMBEDDING_FEATURES = new long[MiniLmSentenceEmbedder.DIMENSIONS];
    private static final long EMBEDDING_BIAS_FEATURE = FeatureHash.of(EMBEDDING_BIAS);
    /** The labels by ordinal, once: {@code values()} copies its array on every call, and classify runs per mention. */
    private static final Label[] BY_ORDINAL = Label.values();

    static {
        for (int k = 0; k < EMBEDDING_FEATURES.length; k++) {
            EMBEDDING_FEATURES[k] = FeatureHash.of(EMBEDDING_PREFIX + k);
        }
    }
    private final DoccatModel model;
    private final HashedMaxent weights;
    private final KnownWords known;
    private final LexiconSentimentClassifier lexicon;
    private final MiniLmSentenceEmbedder embedder;

    DoccatSentimentClassifier(DoccatModel model, LexiconSentimentClassifier lexicon, MiniLmSentenceEmbedder embedder) {
        this.model = model;
        this.weights = HashedMaxent.of(model.getMaxentModel(), LABELS);
        this.known = KnownWords.of(model.getMaxentModel(), weights, lexicon);
        this.lexicon = lexicon;
        this.embedder = embedder;
    }

    /** Loads a model written by {@code train}; one written by an older version is refused, to be trained again. */
    public static DoccatSentimentClassifier load(Path file, LexiconSentimentClassifier lexicon) throws IOException {
        return checked(new DoccatModel(file), file.toString(), lexicon);
    }

    /** Reads a model from a stream, such as the shipped one on the classpath; {@code name} names it in errors. */
    static DoccatSentimentClassifier load(InputStream in, String name, LexiconSentimentClassifier lexicon)
            throws IOException {
        return checked(new DoccatModel(in), name, lexicon);
    }

    private static DoccatSentimentClassifier checked(DoccatModel model, String file,
                                                     LexiconSentimentClassifier lexicon) {
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
     * Trains on the rows in an order shuffled by {@code seed}, at the shipped model's settings (chosen by
     * cross-validation on the project's corpus, {@link ShippedDoccatModel#SETTINGS}) but for {@code iterations}.
     *
     * @param iterations training iterations of the two n-gram models (the shipped model's are 200)
     * @param embeddings whether to add the sentence-embedding model: better by about 0.01 macro-F1, and about a
     *                   hundred times slower to classify
     */
    public static DoccatSentimentClassifier train(List<LabelledText> rows, LexiconSentimentClassifier lexicon,
                                                  long seed, int iterations, boolean embeddings) throws IOException {
        return train(rows, lexicon, seed, iterations, embeddings, Progress.NONE);
    }

    /** As {@link #train(List, LexiconSentimentClassifier, long, int, boolean)}, telling {@code progress} each stage. */
    public static DoccatSentimentClassifier train(List<LabelledText> rows, LexiconSentimentClassifier lexicon,
                                                  long seed, int iterations, boolean embeddings, Progress progress)
            throws IOException {
        return train(rows, lexicon, seed, ShippedDoccatModel.SETTINGS.withIterations(iterations), embeddings, progress);
    }

    /** Trains on the rows with these settings (the shipped model and cross-validation choose their own). */
    static DoccatSentimentClassifier train(List<LabelledText> rows, LexiconSentimentClassifier lexicon, long seed,
                                           DoccatTraining.Settings settings, boolean embeddings, Progress progress)
            throws IOException {
        if (embeddings) {
            SentenceEmbeddings.require("train with sentence embeddings (or --embeddings=false)");
        }
        MiniLmSentenceEmbedder embedder = embeddings ? MiniLmSentenceEmbedder.shared() : null;
        MaxentModel blend = DoccatTraining.train(rows, lexicon, seed, settings, embedder, progress);
        Map<String, String> manifest = Map.of(FEATURES_ENTRY, FEATURES,
                EMBEDDINGS_ENTRY, embedder == null ? NO_EMBEDDINGS : MiniLmSentenceEmbedder.NAME);
        return new DoccatSentimentClassifier(new DoccatModel(LANGUAGE, blend, manifest, factory()), lexicon, embedder);
    }

    /**
     * The doccat model is the file format's container; {@link #classify} evaluates its maxent model directly, with
     * values, so this feature generator is recorded but never run.
     */
    private static DoccatFactory factory() {
        return new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()});
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
        return classify(text, lexicon.read(text), embedder == null ? null : embedder.embed(text));
    }

    /** P(positive) - P(negative) for a text the lexicon has already scored, as a blend with the lexicon asks. */
    double score(String text, double lexiconScore) {
        return score(text, new LexiconSentimentClassifier.Reading(lexicon.tokens(text), lexiconScore));
    }

    /** The same for a text the lexicon has read, its tokens included. */
    double score(String text, LexiconSentimentClassifier.Reading reading) {
        return classify(text, reading, embedder == null ? null : embedder.embed(text)).score();
    }

    /** This model as a blend's part: it reads each text's tokens from the lexicon's one reading of it. */
    BlendedSentimentClassifier.Model asBlendPart() {
        return new BlendedSentimentClassifier.Model() {
            @Override
            public double score(String text, double lexiconScore) {
                return DoccatSentimentClassifier.this.score(text, lexiconScore);
            }

            @Override
            public double score(String text, LexiconSentimentClassifier.Reading reading) {
                return DoccatSentimentClassifier.this.score(text, reading);
            }
        };
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
            sentiments.add(classify(texts.get(i), lexicon.read(texts.get(i)), vectors.get(i)));
        }
        return sentiments;
    }

    /**
     * Looks the text's features up by hash ({@link HashedFeatures}), a known word's all at once ({@link KnownWords}):
     * the same features and sums as OpenNLP's eval.
     */
    private Sentiment classify(String text, LexiconSentimentClassifier.Reading reading, float[] vector) {
        double[] sums = weights.start();
        known.add(sums, text, reading.tokens(), reading.score());
        if (vector != null) {
            for (int k = 0; k < vector.length; k++) {
                weights.add(sums, EMBEDDING_FEATURES[k], vector[k] * EMBEDDING_GAIN);
            }
            weights.add(sums, EMBEDDING_BIAS_FEATURE, 1);
        }
        double[] p = weights.probabilities(sums);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return new Sentiment(BY_ORDINAL[best], p[Label.POSITIVE.ordinal()] - p[Label.NEGATIVE.ordinal()]);
    }
}
