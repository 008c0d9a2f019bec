package io.socialbot.cli;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.opennlp.DoccatSentimentClassifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code train --file=F.tsv --out=model.bin [--seed=42] [--iterations=100] [--embeddings=true|false]}: trains a
 * sentiment model on labelled tweets; with sentence embeddings by default when the build has the embedder ({@code
 * -Pembeddings}), else without.
 */
final class TrainCommand {

    /** What {@code train} was asked. */
    record Options(Path file, Path out, long seed, int iterations, boolean embeddings) {
        Options {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(out, "out");
            if (iterations < 1) {
                throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
            }
        }
    }

    private TrainCommand() {
    }

    static int run(Options options, ProgressLine progress) throws Exception {
        List<LabelledText> rows = LabelledText.read(options.file());
        long start = System.nanoTime();
        DoccatSentimentClassifier model = DoccatSentimentClassifier.train(rows, new LexiconSentimentClassifier(),
                options.seed(), options.iterations(), options.embeddings(), progress);
        model.save(options.out());
        progress.close();
        System.out.printf("trained on %d texts from %s in %.1f s (seed %d, %s), model written to %s%n", rows.size(),
                options.file(), (System.nanoTime() - start) / 1e9, options.seed(),
                options.embeddings() ? "with sentence embeddings" : "without sentence embeddings", options.out());
        System.out.println("use it: eval --file=... --model=" + options.out() + ", or socialbot.triage.sentiment.model="
                + options.out());
        return 0;
    }
}
