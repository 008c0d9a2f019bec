package io.socialbot.cli;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.SentimentEvaluation;
import io.socialbot.triage.opennlp.DoccatSentimentClassifier;
import io.socialbot.triage.opennlp.ShippedDoccatModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code eval --file=F.tsv [--model=model.bin | --lexicon]}: scores the shipped sentiment (lexicon and shipped
 * model), a trained model, or the lexicon alone on labelled tweets.
 */
public final class EvalCommand {

    private EvalCommand() {
    }

    public static int run(Map<String, String> options) throws Exception {
        Path file = CommandOptions.existing(options, "file");
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        SentimentClassifier classifier;
        String name;
        if (options.containsKey("model")) {
            classifier = DoccatSentimentClassifier.load(CommandOptions.existing(options, "model"), lexicon);
            name = "model " + options.get("model");
        } else if (CommandOptions.flag(options, "lexicon", false)) {
            classifier = lexicon;
            name = "the shipped lexicon alone";
        } else {
            classifier = ShippedDoccatModel.blendedWith(lexicon);
            name = "the shipped lexicon and model";
        }
        List<LabelledText> rows = LabelledText.read(file);
        System.out.println("eval " + file + " with " + name);
        System.out.print(SentimentEvaluation.of(classifier, rows).report());
        return 0;
    }
}
