package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Figures on the shared labelled tweets (outside the repository; skipped when absent). Prints, does not assert,
 * the targets: the data is for measuring, never shipped or trained into the shipped lexicon.
 */
class SharedDataEvaluationTest {

    private static Path shared(String name) {
        String dir = System.getProperty("socialbot.shared.dir");
        Path file = dir == null ? null : Path.of(dir, "data", "sentiment", name);
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file), "no shared data at " + file);
        return file;
    }

    @Test
    void shippedLexiconOnAirlineAndVaderTweets() throws Exception {
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        for (String name : List.of("airline.tsv", "vader_tweets.tsv")) {
            List<LabelledText> rows = LabelledText.read(shared(name));
            SentimentEvaluation.of(lexicon, rows); // warm up before the throughput figure
            SentimentEvaluation result = SentimentEvaluation.of(lexicon, rows);
            System.out.println("shipped lexicon on " + name + "\n" + result.report());
            assertThat(result.total()).isEqualTo(rows.size());
        }
    }

    @Test
    void trainedOnEightyPercentOfAirlineEvaluatedOnTheRest() throws Exception {
        List<LabelledText> rows = new ArrayList<>(LabelledText.read(shared("airline.tsv")));
        Collections.shuffle(rows, new Random(42));
        int cut = rows.size() * 8 / 10;
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        DoccatSentimentClassifier model = DoccatSentimentClassifier.train(rows.subList(0, cut), lexicon, 42, 100);
        SentimentEvaluation result = SentimentEvaluation.of(model, rows.subList(cut, rows.size()));
        System.out.println("trained on 80% of airline.tsv (seed 42), evaluated on the other 20%\n" + result.report());
        assertThat(result.total()).isEqualTo(rows.size() - cut);
    }
}
