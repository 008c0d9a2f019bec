package io.socialbot.triage.opennlp;

import io.socialbot.triage.BlendedSentimentClassifier;
import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.TriageDecision.Sentiment;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * OpenNLP's maximum-entropy document categorizer trained on the repository's own corpus
 * ({@code sentiment/corpus.tsv}) by the build; words, bigrams and the lexicon's verdict are its features.
 */
public final class ShippedDoccatModel implements SentimentClassifier {

    static final String RESOURCE = "/sentiment/shipped-doccat.bin";
    /** GIS iterations; chosen by cross-validation on the corpus ({@link SentimentCrossValidation}). */
    static final int ITERATIONS = 200;
    /** Every feature counts: the corpus is written by hand, so a word seen once is still meant (chosen by CV). */
    static final int CUTOFF = 1;

    private final LexiconSentimentClassifier lexicon;
    // DocumentCategorizerME is not thread-safe: one per thread over the shared, immutable model
    private final ThreadLocal<DocumentCategorizerME> categorizer;
    private final DoccatModel model;

    private ShippedDoccatModel(DoccatModel model, LexiconSentimentClassifier lexicon) {
        this.model = model;
        this.lexicon = lexicon;
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    }

    /** Trains on the corpus and writes the model; the build runs it ({@code process-classes}): corpus.tsv out.bin. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ShippedDoccatModel <corpus.tsv> <out.bin>");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        train(LabelledText.read(Path.of(args[0])), new LexiconSentimentClassifier(), ITERATIONS, CUTOFF).model
                .serialize(out);
    }

    /** The bot's default sentiment: the lexicon blended with the model the build trained. */
    public static SentimentClassifier blendedWith(LexiconSentimentClassifier lexicon) {
        return new BlendedSentimentClassifier(lexicon, shipped(lexicon)::score);
    }

    /** The model the build wrote into the classpath. */
    static ShippedDoccatModel shipped(LexiconSentimentClassifier lexicon) {
        try (InputStream in = ShippedDoccatModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sentiment model " + RESOURCE + " is not on the classpath; the Maven "
                        + "build trains it from sentiment/corpus.tsv (./mvnw process-classes)");
            }
            return new ShippedDoccatModel(new DoccatModel(in), lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentiment model " + RESOURCE, e);
        }
    }

    /** Trains as the build does; see {@link #train(List, LexiconSentimentClassifier, int, int)}. */
    static ShippedDoccatModel train(List<LabelledText> rows, LexiconSentimentClassifier lexicon) throws IOException {
        return train(rows, lexicon, ITERATIONS, CUTOFF);
    }

    /** Trains on the rows; maximum-entropy (GIS) training has no randomness, so the same rows give the same model. */
    static ShippedDoccatModel train(List<LabelledText> rows, LexiconSentimentClassifier lexicon, int iterations,
                                    int cutoff) throws IOException {
        List<DocumentSample> samples = new ArrayList<>(rows.size());
        for (LabelledText row : rows) {
            samples.add(new DocumentSample(row.label().name(),
                    features(lexicon, row.text(), lexicon.score(row.text()))));
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
            new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
        return new ShippedDoccatModel(DocumentCategorizerME.train("en",
                ObjectStreamUtils.createObjectStream(samples), params, factory), lexicon);
    }

    /** The lexicon's tokens, its label and its score in quarters, and whether the text asks or exclaims. */
    static String[] features(LexiconSentimentClassifier lexicon, String text, double lexiconScore) {
        List<String> tokens = new ArrayList<>(lexicon.tokens(text));
        SentimentFeatures.addLexiconVerdict(tokens, lexicon, text, lexiconScore);
        return tokens.toArray(String[]::new);
    }

    /** The model on its own: the likeliest label, and P(positive) - P(negative) as the score. */
    @Override
    public Sentiment classify(String text) {
        DocumentCategorizerME me = categorizer.get();
        double[] p = me.categorize(features(lexicon, text, lexicon.score(text)));
        return new Sentiment(Label.valueOf(me.getBestCategory(p)), positiveMinusNegative(me, p));
    }

    /** P(positive) - P(negative) for a text the lexicon has already scored. */
    double score(String text, double lexiconScore) {
        DocumentCategorizerME me = categorizer.get();
        return positiveMinusNegative(me, me.categorize(features(lexicon, text, lexiconScore)));
    }

    private static double positiveMinusNegative(DocumentCategorizerME me, double[] p) {
        return p[me.getIndex(Label.POSITIVE.name())] - p[me.getIndex(Label.NEGATIVE.name())];
    }
}
