package io.socialbot.triage.opennlp;

import io.socialbot.triage.BlendedSentimentClassifier;
import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Candidates for the shipped model, trained on the corpus as the build trains the shipped one but with other members'
 * shares, for {@code bench-triage --shares=W:N} to time beside it.
 */
public final class CandidateModels {

    private CandidateModels() {
    }

    /** The lexicon blended with the shipped kind of model at shares words : n-grams (0 leaves a member out). */
    public static SentimentClassifier blended(LexiconSentimentClassifier lexicon, double words, double ngrams)
            throws IOException {
        DoccatTraining.Settings shipped = ShippedDoccatModel.SETTINGS;
        var settings = new DoccatTraining.Settings(shipped.iterations(), shipped.cutoff(), shipped.l2Cost(), words,
                ngrams, shipped.balance());
        List<LabelledText> rows;
        try {
            rows = LabelledText.read(Path.of(CandidateModels.class.getResource("/sentiment/corpus.tsv").toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        DoccatSentimentClassifier model = ShippedDoccatModel.train(rows, lexicon, settings);
        return new BlendedSentimentClassifier(lexicon, model.asBlendPart());
    }
}
