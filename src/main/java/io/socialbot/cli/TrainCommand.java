package io.socialbot.cli;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.opennlp.DoccatSentimentClassifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code train --file=F.tsv --out=model.bin [--seed=42] [--iterations=100] [--embeddings=true|false]}: trains a
 * sentiment model on labelled tweets; with sentence embeddings by default when the build has the embedder ({@code
 * -Pembeddings}), else without.
 */
public final class TrainCommand {

    private TrainCommand() {
    }

    public static int run(Map<String, String> options) throws Exception {
        Path file = CommandOptions.existing(options, "file");
        String out = options.get("out");
        if (out == null || out.isBlank()) {
            throw new IllegalArgumentException("--out=model.bin is required");
        }
        long seed = CommandOptions.number(options, "seed", 42);
        int iterations = (int) CommandOptions.number(options, "iterations", 100);
        boolean embeddings = CommandOptions.flag(options, "embeddings", DoccatSentimentClassifier.sentenceEmbeddingsAvailable());
        List<LabelledText> rows = LabelledText.read(file);
        long start = System.nanoTime();
        DoccatSentimentClassifier model = DoccatSentimentClassifier.train(rows, new LexiconSentimentClassifier(),
                seed, iterations, embeddings);
        model.save(Path.of(out));
        System.out.printf("trained on %d texts from %s in %.1f s (seed %d, %s), model written to %s%n", rows.size(),
                file, (System.nanoTime() - start) / 1e9, seed,
                embeddings ? "with sentence embeddings" : "without sentence embeddings", out);
        System.out.println("use it: eval --file=... --model=" + out + ", or socialbot.triage.sentiment.model=" + out);
        return 0;
    }
}
