package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.SentimentEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Figures on the shared labelled tweets (outside the repository; skipped when absent). Prints, does not assert,
 * the targets: the data is for measuring, never shipped or trained into the shipped lexicon or model.
 */
class SharedDataEvaluationTest {

    private static Path shared(String name) {
        String dir = System.getProperty("socialbot.shared.dir");
        Path file = dir == null ? null : Path.of(dir, "data", "sentiment", name);
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file), "no shared data at " + file);
        return file;
    }

    @Test
    void shippedLexiconAndModelAloneAndBlendedOnAirlineAndVaderTweets() throws Exception {
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        Map<String, SentimentClassifier> classifiers = new LinkedHashMap<>();
        classifiers.put("shipped lexicon alone", lexicon);
        classifiers.put("shipped lexicon and model (the default)", ShippedDoccatModel.blendedWith(lexicon));
        classifiers.put("shipped model alone", ShippedDoccatModel.shipped(lexicon));
        for (String name : List.of("airline.tsv", "vader_tweets.tsv")) {
            List<LabelledText> rows = LabelledText.read(shared(name));
            for (Map.Entry<String, SentimentClassifier> classifier : classifiers.entrySet()) {
                SentimentEvaluation.of(classifier.getValue(), rows); // warm up before the throughput figure
                SentimentEvaluation result = SentimentEvaluation.of(classifier.getValue(), rows);
                System.out.println(classifier.getKey() + " on " + name + "\n" + result.report());
                assertThat(result.total()).isEqualTo(rows.size());
            }
        }
    }

    /**
     * {@code train} on a user's labelled tweets at scale: 80% of airline.tsv, scored on the other 20%. The suite
     * trains without sentence embeddings (seconds); the embedding member is trained and read back by {@code
     * SentimentCommandsTest} and {@code NlpConfigurationTest} on small sets, and this figure with it is measured by
     * {@code -Dsocialbot.shared.embeddings=true} (about 3 minutes on 2 cores).
     */
    @Test
    void trainedOnEightyPercentOfAirlineEvaluatedOnTheRest() throws Exception {
        boolean embeddings = Boolean.getBoolean("socialbot.shared.embeddings");
        List<LabelledText> rows = new ArrayList<>(LabelledText.read(shared("airline.tsv")));
        Collections.shuffle(rows, new Random(42));
        int cut = rows.size() * 8 / 10;
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        DoccatSentimentClassifier model = DoccatSentimentClassifier.train(rows.subList(0, cut), lexicon, 42, 100,
                embeddings);
        List<LabelledText> rest = rows.subList(cut, rows.size());
        SentimentEvaluation result = SentimentEvaluation.of(model, rest);
        System.out.println("trained on 80% of airline.tsv (seed 42, " + (embeddings ? "with" : "without")
                + " sentence embeddings), evaluated on the other 20%\n" + result.report());
        assertThat(result.total()).isEqualTo(rows.size() - cut);
        assertThat(model.usesEmbeddings()).isEqualTo(embeddings);
        // training learnt the user's data: it beats the lexicon it started from on the held-out fifth
        assertThat(result.macroF1()).isGreaterThan(SentimentEvaluation.of(lexicon, rest).macroF1());
    }
}
