package io.socialbot.triage.opennlp;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.SentimentEvaluation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code eval --file=F.tsv [--model=model.bin]}: scores the shipped lexicon, or a trained model, on labelled tweets. */
public final class EvalCommand {

    private EvalCommand() {
    }

    public static int run(Map<String, String> options) throws Exception {
        Path file = CommandOptions.existing(options, "file");
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        SentimentClassifier classifier = lexicon;
        String model = options.get("model");
        if (model != null) {
            classifier = DoccatSentimentClassifier.load(CommandOptions.existing(options, "model"), lexicon);
        }
        List<LabelledText> rows = LabelledText.read(file);
        System.out.println("eval " + file + " with " + (model == null ? "the shipped lexicon" : "model " + model));
        System.out.print(SentimentEvaluation.of(classifier, rows).report());
        return 0;
    }
}
