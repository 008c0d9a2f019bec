package io.socialbot.cli;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.SentimentEvaluation;
import io.socialbot.triage.opennlp.DoccatSentimentClassifier;
import io.socialbot.triage.opennlp.ShippedDoccatModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code eval --file=F.tsv [--model=model.bin | --lexicon]}: scores the shipped sentiment (lexicon and shipped
 * model), a trained model, or the lexicon alone on labelled tweets.
 */
final class EvalCommand {

    /**
     * What {@code eval} was asked.
     *
     * @param model a model written by {@code train}, or null for the shipped one
     */
    record Options(Path file, Path model, boolean lexicon) {
        Options {
            Objects.requireNonNull(file, "file");
            if (model != null && lexicon) {
                throw new IllegalArgumentException("--model and --lexicon cannot go together: score one of them");
            }
        }
    }

    private EvalCommand() {
    }

    static int run(Options options, ProgressLine progress) throws Exception {
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        SentimentClassifier classifier;
        String name;
        if (options.model() != null) {
            classifier = DoccatSentimentClassifier.load(options.model(), lexicon);
            name = "model " + options.model();
        } else if (options.lexicon()) {
            classifier = lexicon;
            name = "the shipped lexicon alone";
        } else {
            classifier = ShippedDoccatModel.blendedWith(lexicon);
            name = "the shipped lexicon and model";
        }
        List<LabelledText> rows = LabelledText.read(options.file());
        System.out.println("eval " + options.file() + " with " + name);
        SentimentEvaluation result = SentimentEvaluation.of(classifier, rows, progress);
        progress.close();
        System.out.print(result.report());
        return 0;
    }
}
