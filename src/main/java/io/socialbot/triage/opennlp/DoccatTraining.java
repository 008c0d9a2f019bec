package io.socialbot.triage.opennlp;

import io.socialbot.platform.progress.Progress;
import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
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
 * Trains {@link DoccatSentimentClassifier}'s members and folds them into one maximum-entropy model: GIS on {@link
 * SentimentFeatures#words words}; L-BFGS with an L2 penalty on those plus character n-grams, each scaled by its
 * {@link LogCountRatios log-count ratio}; and, given an embedder, L-BFGS on the tweet's sentence embedding.
 */
final class DoccatTraining {

    /** The embedding model's L2 penalty: 384 dense values need little (chosen by cross-validation). */
    private static final double EMBEDDING_L2_COST = 1;
    /** L-BFGS iterations of the embedding model, which converges slower than the sparse ones. */
    private static final int EMBEDDING_ITERATIONS = 200;
    /** The embedding member's share beside {@link Settings#wordsShare} and {@link Settings#ngramsShare}. */
    private static final double EMBEDDING_SHARE = 3;
    /** OpenNLP 2.x logs every training iteration at INFO through SLF4J; its PrintMessages switch is gone. */
    private static final String OPENNLP_LOGGER = "opennlp";
    /** Texts between two progress reports while reading features. */
    private static final int PROGRESS_EVERY = 100;
    /** Texts embedded between two progress reports: a few of the embedder's own batches. */
    private static final int EMBED_CHUNK = 1024;

    private DoccatTraining() {
    }

    /**
     * How the members are trained and blended.
     *
     * @param iterations  training iterations of the two n-gram members
     * @param cutoff      features seen in fewer texts are dropped
     * @param l2Cost      the n-gram member's L2 penalty: n-grams are many and overlap
     * @param wordsShare  the words member's share of the blend
     * @param ngramsShare the n-gram member's share of the blend
     * @param balance     how far the rarer labels are evened out: 0 not at all, 1 fully
     */
    record Settings(int iterations, int cutoff, double l2Cost, double wordsShare, double ngramsShare,
                    double balance) {

        /** The same settings trained for {@code iterations}. */
        Settings withIterations(int iterations) {
            return new Settings(iterations, cutoff, l2Cost, wordsShare, ngramsShare, balance);
        }
    }

    /**
     * The members trained on the rows (shuffled by {@code seed}) and folded into one model; {@code progress} hears
     * the texts read for features, the texts embedded, and the members trained.
     */
    static MaxentModel train(List<LabelledText> rows, LexiconSentimentClassifier lexicon, long seed,
                             Settings settings, MiniLmSentenceEmbedder embedder, Progress progress) throws IOException {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no labelled texts to train on");
        }
        String[] labelNames = DoccatSentimentClassifier.LABELS;
        List<Event> words = new ArrayList<>(rows.size());
        List<String[]> withCharacters = new ArrayList<>(rows.size());
        int[] labels = new int[rows.size()];
        progress.reached("texts read", 0, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LabelledText row = rows.get(i);
            labels[i] = row.label().ordinal();
            SentimentFeatures.Both features = SentimentFeatures.both(lexicon, row.text());
            // the members read the features as given, with no prefix of OpenNLP's, as classify passes them
            words.add(new Event(labelNames[labels[i]], features.words().toArray(String[]::new)));
            withCharacters.add(features.withCharacters().toArray(String[]::new));
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == rows.size()) {
                progress.reached("texts read", i + 1, rows.size());
            }
        }
        Map<String, Double> scales = LogCountRatios.scales(withCharacters, labels, labelNames.length,
                settings.cutoff());
        List<Event> ngrams = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ngrams.add(scaled(labelNames[labels[i]], withCharacters.get(i), scales));
        }
        List<Event> sentences = new ArrayList<>();
        if (embedder != null) {
            List<String> texts = rows.stream().map(LabelledText::text).toList();
            // a chunk at a time, each still embedded on all cores, so the person waiting sees it move
            for (int from = 0; from < texts.size(); from += EMBED_CHUNK) {
                int to = Math.min(texts.size(), from + EMBED_CHUNK);
                List<float[]> vectors = embedder.embedAll(texts.subList(from, to));
                for (int i = from; i < to; i++) {
                    sentences.add(embedded(labelNames[labels[i]], vectors.get(i - from)));
                }
                progress.reached("texts embedded", to, texts.size());
            }
        }
        TrainingParameters gis = parameters(GISTrainer.MAXENT_VALUE, settings.iterations(), settings.cutoff());
        TrainingParameters lbfgs = realValued(parameters(QNTrainer.MAXENT_QN_VALUE, settings.iterations(),
                settings.cutoff()), settings.l2Cost());
        TrainingParameters dense = realValued(parameters(QNTrainer.MAXENT_QN_VALUE, EMBEDDING_ITERATIONS, 0),
                EMBEDDING_L2_COST);
        double balance = settings.balance();
        int count = (settings.wordsShare() > 0 ? 1 : 0) + (settings.ngramsShare() > 0 ? 1 : 0)
                + (embedder != null ? 1 : 0);
        // the members err differently: GIS stopped early, L-BFGS with a penalty, and one that reads meaning
        return quietly(() -> {
            List<MaxentBlend.Member> members = new ArrayList<>();
            progress.reached("models trained", 0, count);
            if (settings.wordsShare() > 0) {
                members.add(new MaxentBlend.Member(trained(words, gis, seed, balance), settings.wordsShare(),
                        Map.of()));
                progress.reached("models trained", members.size(), count);
            }
            if (settings.ngramsShare() > 0) {
                members.add(new MaxentBlend.Member(trained(ngrams, lbfgs, seed, balance), settings.ngramsShare(),
                        scales));
                progress.reached("models trained", members.size(), count);
            }
            if (embedder != null) {
                members.add(new MaxentBlend.Member(trained(sentences, dense, seed, balance), EMBEDDING_SHARE,
                        Map.of()));
                progress.reached("models trained", members.size(), count);
            }
            return MaxentBlend.weightedGeometricMean(members);
        });
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
            values.put(DoccatSentimentClassifier.EMBEDDING_PREFIX + k,
                    vector[k] * DoccatSentimentClassifier.EMBEDDING_GAIN);
        }
        values.put(DoccatSentimentClassifier.EMBEDDING_BIAS, 1f);
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

    private static MaxentModel trained(List<Event> events, TrainingParameters params, long seed, double balance)
            throws IOException {
        List<Event> shuffled = balanced(events, Event::getOutcome, balance);
        Collections.shuffle(shuffled, new Random(seed));
        return TrainerFactory.getEventTrainer(params, null).train(ObjectStreamUtils.createObjectStream(shuffled));
    }

    /** Runs training with OpenNLP's loggers at WARN, then puts them back: else it logs every iteration. */
    private static <T> T quietly(Training<T> training) throws IOException {
        LoggingSystem logging = LoggingSystem.get(DoccatTraining.class.getClassLoader());
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
     * Repeats the texts of the rarer labels until each label weighs about as much as the commonest, to the power
     * {@code balance}: customer-care data is mostly negative, and an unweighted model would rarely say neutral.
     */
    private static <T> List<T> balanced(List<T> samples, Function<T, String> label, double balance) {
        Map<String, List<T>> byLabel = new TreeMap<>();
        for (T s : samples) {
            byLabel.computeIfAbsent(label.apply(s), k -> new ArrayList<>()).add(s);
        }
        int most = byLabel.values().stream().mapToInt(List::size).max().orElse(0);
        List<T> out = new ArrayList<>(samples);
        for (List<T> group : byLabel.values()) {
            double extra = Math.pow((double) most / group.size(), balance) - 1;
            int copies = (int) Math.round(extra * group.size());
            for (int i = 0; i < copies; i++) {
                out.add(group.get(i % group.size()));
            }
        }
        return out;
    }
}
