package io.socialbot.cli;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.opennlp.DoccatSentimentClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code train --file=F.tsv [--file=G.tsv] [--with-corpus] --out=model.bin [--seed=42] [--iterations=200]
 * [--embeddings=true|false]}: trains a sentiment model on labelled tweets (the files', and with {@code --with-corpus}
 * the shipped corpus as well); with sentence embeddings by default when the build has the embedder ({@code
 * -Pembeddings}), else without.
 */
final class TrainCommand {

    /** What {@code train} was asked. */
    record Options(List<Path> files, boolean withCorpus, Path out, long seed, int iterations, boolean embeddings) {
        Options {
            files = List.copyOf(files);
            if (files.isEmpty() && !withCorpus) {
                throw new IllegalArgumentException("give --file=FILE.tsv (once or more), --with-corpus, or both");
            }
            Objects.requireNonNull(out, "out");
            if (iterations < 1) {
                throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
            }
        }
    }

    private TrainCommand() {
    }

    static int run(Options options, ProgressLine progress) throws Exception {
        List<LabelledText> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        if (options.withCorpus()) {
            List<LabelledText> corpus = LabelledText.readCorpus();
            rows.addAll(corpus);
            sources.add(String.format(Locale.ROOT, "the shipped corpus (%,d)", corpus.size()));
        }
        for (Path file : options.files()) {
            List<LabelledText> read = LabelledText.read(file);
            rows.addAll(read);
            sources.add(String.format(Locale.ROOT, "%s (%,d)", file, read.size()));
        }
        long start = System.nanoTime();
        DoccatSentimentClassifier model = DoccatSentimentClassifier.train(rows, new LexiconSentimentClassifier(),
                options.seed(), options.iterations(), options.embeddings(), progress);
        model.save(options.out());
        progress.close();
        System.out.printf("trained on %d texts from %s in %.1f s (seed %d, %s), model written to %s%n", rows.size(),
                String.join(" + ", sources), (System.nanoTime() - start) / 1e9, options.seed(),
                options.embeddings() ? "with sentence embeddings" : "without sentence embeddings", options.out());
        System.out.println("use it: eval --file=... --model=" + options.out() + ", or socialbot.triage.sentiment.model="
                + options.out());
        return 0;
    }
}
