package io.socialbot.triage.opennlp;

import io.socialbot.platform.progress.Progress;
import io.socialbot.triage.BlendedSentimentClassifier;
import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The model the build trains on the repository's own corpus ({@code sentiment/corpus.tsv}) into the jar: {@code
 * train}'s words and character n-gram members, without sentence embeddings, at settings chosen by cross-validation
 * on that corpus ({@link SentimentCrossValidation}).
 */
public final class ShippedDoccatModel {

    static final String RESOURCE = "/sentiment/shipped-doccat.bin";
    /** Training has no randomness but this shuffle, so every build makes the same model. */
    static final long SEED = 42;
    /**
     * Chosen by cross-validation with whole writers held out (see the README's table): 200 iterations, features in
     * one text or more (cutoff 1), an L2 penalty of 1 on the n-gram member, words : n-grams 4 : 6, the rarer labels
     * evened out half way, 0.5 (1.0 up to twelve batches, 0.85 on twelve, 0.5 on sixteen).
     */
    static final DoccatTraining.Settings SETTINGS = new DoccatTraining.Settings(200, 1, 1, 4, 6, 0.5);

    private ShippedDoccatModel() {
    }

    /** Trains on the corpus and writes the model; the build runs it ({@code process-classes}): corpus.tsv out.bin. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ShippedDoccatModel <corpus.tsv> <out.bin>");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        train(LabelledText.read(Path.of(args[0])), new LexiconSentimentClassifier()).save(out);
    }

    /** The bot's default sentiment: the lexicon blended with the model the build trained. */
    public static SentimentClassifier blendedWith(LexiconSentimentClassifier lexicon) {
        return new BlendedSentimentClassifier(lexicon, shipped(lexicon).asBlendPart());
    }

    /** The model the build wrote into the classpath. */
    static DoccatSentimentClassifier shipped(LexiconSentimentClassifier lexicon) {
        try (InputStream in = ShippedDoccatModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sentiment model " + RESOURCE + " is not on the classpath; the Maven "
                        + "build trains it from sentiment/corpus.tsv (./mvnw process-classes)");
            }
            return DoccatSentimentClassifier.load(in, RESOURCE, lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentiment model " + RESOURCE, e);
        }
    }

    /** Trains as the build does. */
    static DoccatSentimentClassifier train(List<LabelledText> rows, LexiconSentimentClassifier lexicon)
            throws IOException {
        return train(rows, lexicon, SETTINGS);
    }

    static DoccatSentimentClassifier train(List<LabelledText> rows, LexiconSentimentClassifier lexicon,
                                           DoccatTraining.Settings settings) throws IOException {
        return DoccatSentimentClassifier.train(rows, lexicon, SEED, settings, false, Progress.NONE);
    }
}
