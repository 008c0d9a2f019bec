package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.TriageTexts;
import java.io.InputStream;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Test;

class HashedMaxentTest {

    private final LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();

    private static MaxentModel shippedMaxent() throws Exception {
        try (InputStream in = HashedMaxentTest.class.getResourceAsStream(ShippedDoccatModel.RESOURCE)) {
            return new DoccatModel(in).getMaxentModel();
        }
    }

    @Test
    void givesOpenNlpsProbabilitiesForEveryCorpusStatusQuestionAndOutageText() throws Exception {
        MaxentModel maxent = shippedMaxent();
        HashedMaxent hashed = HashedMaxent.of(maxent, DoccatSentimentClassifier.LABELS);
        assertThat(hashed.features()).isGreaterThan(10_000);
        for (String text : TriageTexts.all()) {
            String[] features = SentimentFeatures.withCharacters(lexicon, text).toArray(String[]::new);
            float[] ones = new float[features.length];
            java.util.Arrays.fill(ones, 1f);
            double[] expected = maxent.eval(features, ones);
            double[] sums = hashed.start();
            for (String feature : features) {
                hashed.add(sums, FeatureHash.of(feature), 1);
            }
            double[] actual = hashed.probabilities(sums);
            for (int k = 0; k < DoccatSentimentClassifier.LABELS.length; k++) {
                assertThat(actual[k]).as(text)
                        .isCloseTo(expected[maxent.getIndex(DoccatSentimentClassifier.LABELS[k])], within(1e-12));
            }
        }
    }

    @Test
    void aFeatureTheModelNeverSawAddsNothingAndValuesScaleWeights() {
        GISModel model = new GISModel(new Context[] {new Context(new int[] {0, 1}, new double[] {2, -1})},
                new String[] {"seen"}, new String[] {"neutral", "negative"});
        HashedMaxent hashed = HashedMaxent.of(model, new String[] {"negative", "neutral"});
        double[] sums = hashed.start();
        hashed.add(sums, FeatureHash.of("unseen"), 1);
        assertThat(sums).containsExactly(Math.log(0.5), Math.log(0.5));
        hashed.add(sums, FeatureHash.of("seen"), 0.5);
        assertThat(sums[0]).isCloseTo(Math.log(0.5) - 0.5, within(1e-15));
        assertThat(sums[1]).isCloseTo(Math.log(0.5) + 1, within(1e-15));
        double[] p = hashed.probabilities(sums);
        assertThat(p[0] + p[1]).isCloseTo(1, within(1e-15));
        assertThat(p[1] / p[0]).isCloseTo(Math.exp(1.5), within(1e-9));
    }

    @Test
    void aModelOfOtherOutcomesIsRefused() {
        GISModel model = new GISModel(new Context[0], new String[0], new String[] {"spam", "ham"});
        assertThatThrownBy(() -> HashedMaxent.of(model, new String[] {"negative", "neutral"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spam");
    }
}
