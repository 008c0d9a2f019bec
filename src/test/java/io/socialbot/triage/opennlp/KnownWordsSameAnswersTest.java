package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageTexts;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.DoccatModel;
import org.junit.jupiter.api.Test;

/**
 * A model's sums with each known word's weights gathered at load ({@link KnownWords}) are, to the bit, the sums of
 * hashing every feature and probing the table for it ({@link HashedFeatures}, the path it replaced), over every text
 * of {@link TriageTexts} and a few odd ones; and the shipped classifier answers with those sums.
 */
class KnownWordsSameAnswersTest {

    private final LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(TriageTexts.all());
        texts.addAll(List.of("", "@brand", "not not not good", "NOT helpful!!! ?", "a", "ab", "x y z", "\u0000ok",
                "never never late", "no " + "delayyyy".repeat(40), "Verspätung 😡😡 :( never again, über-spät",
                "¿dónde está mi paquete? 2 horas", "isn't it great, not bad at all, don't cancel"));
        return texts;
    }

    @Test
    void knownWordsGiveTheSumsOfHashingEveryFeature() throws Exception {
        DoccatModel model;
        try (var in = getClass().getResourceAsStream(ShippedDoccatModel.RESOURCE)) {
            model = new DoccatModel(in);
        }
        HashedMaxent weights = HashedMaxent.of(model.getMaxentModel(), DoccatSentimentClassifier.LABELS);
        KnownWords known = KnownWords.of(model.getMaxentModel(), weights, lexicon);
        DoccatSentimentClassifier shipped = ShippedDoccatModel.shipped(lexicon);
        int knownTokens = 0;
        int otherTokens = 0;
        int negatedKnown = 0;
        for (String text : texts()) {
            LexiconSentimentClassifier.Reading reading = lexicon.read(text);
            double[] expected = weights.start();
            ReferenceHashedFeatures.withCharacters(lexicon, text, reading.tokens(), reading.score(),
                    feature -> weights.add(expected, feature, 1));
            double[] actual = weights.start();
            known.add(actual, text, reading.tokens(), reading.score());
            for (int k = 0; k < expected.length; k++) {
                assertThat(Double.doubleToRawLongBits(actual[k])).as("%s, outcome %d: %s, not %s", text, k,
                        actual[k], expected[k]).isEqualTo(Double.doubleToRawLongBits(expected[k]));
            }
            double[] p = weights.probabilities(expected);
            TriageDecision.Sentiment answer = shipped.classify(text);
            assertThat(answer.score()).as(text).isEqualTo(p[TriageDecision.Sentiment.Label.POSITIVE.ordinal()]
                    - p[TriageDecision.Sentiment.Label.NEGATIVE.ordinal()]);
            int reach = 0;
            for (String token : reading.tokens()) {
                boolean isKnown = known.knows(token);
                knownTokens += isKnown ? 1 : 0;
                otherTokens += isKnown ? 0 : 1;
                negatedKnown += isKnown && !lexicon.negates(token) && reach > 0 ? 1 : 0;
                reach = lexicon.negates(token) ? SentimentFeatures.NEGATION_REACH : Math.max(0, reach - 1);
            }
        }
        // both paths are taken, and known words in a negator's reach too
        assertThat(knownTokens).isGreaterThan(otherTokens);
        assertThat(otherTokens).isPositive();
        assertThat(negatedKnown).isPositive();
    }
}
