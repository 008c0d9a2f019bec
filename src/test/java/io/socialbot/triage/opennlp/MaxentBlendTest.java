package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Test;

class MaxentBlendTest {

    private static final String[] OUTCOMES = {"negative", "neutral", "positive"};

    // "late" and "gate" are in both models, "great" and "#ate>" in one each; the second orders its outcomes otherwise
    private final MaxentModel first = new GISModel(new Context[] {
        new Context(new int[] {0, 2}, new double[] {1.5, -0.5}),
        new Context(new int[] {1}, new double[] {0.8}),
        new Context(new int[] {0, 1, 2}, new double[] {-1.0, 0.2, 2.0})},
            new String[] {"late", "gate", "great"}, OUTCOMES);
    private final MaxentModel second = new GISModel(new Context[] {
        new Context(new int[] {0, 1}, new double[] {-0.3, 0.9}),
        new Context(new int[] {2}, new double[] {1.1}),
        new Context(new int[] {0}, new double[] {0.6})},
            new String[] {"late", "gate", "#ate>"}, new String[] {"positive", "negative", "neutral"});

    @Test
    void theBlendScoresAsTheNormalisedGeometricMeanOfItsModels() {
        MaxentModel blend = equallyWeighted(first, second);
        for (String[] context : List.of(new String[] {"late"}, new String[] {"gate", "#ate>"},
                new String[] {"great", "late", "unseen"}, new String[] {})) {
            double[] expected = geometricMean(probabilities(first, context), probabilities(second, context));
            assertThat(probabilities(blend, context)).as(String.join(" ", context)).containsExactly(expected,
                    within(1e-12));
        }
    }

    @Test
    void weightsAndFeatureScalesFoldIntoTheBlend() {
        // the second member counts double and was trained with "late" at 0.5 and "#ate>" at 3 times its value
        Map<String, Double> scales = Map.of("late", 0.5, "#ate>", 3.0);
        MaxentModel blend = MaxentBlend.weightedGeometricMean(List.of(new MaxentBlend.Member(first, 1, Map.of()),
                new MaxentBlend.Member(second, 2, scales)));
        String[] context = {"late", "#ate>", "great", "__e0"};
        float[] values = {1f, 2f, 1f, 0.7f};
        float[] secondValues = {0.5f, 6f, 1f, 0.7f};
        double[] a = probabilities(first, context, values);
        double[] b = probabilities(second, context, secondValues);
        double[] expected = new double[OUTCOMES.length];
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Math.pow(a[i], 1 / 3.0) * Math.pow(b[i], 2 / 3.0);
            sum += expected[i];
        }
        for (int i = 0; i < expected.length; i++) {
            expected[i] /= sum;
        }
        assertThat(probabilities(blend, context, values)).containsExactly(expected, within(1e-12));
        assertThatThrownBy(() -> new MaxentBlend.Member(first, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modelsOfDifferentOutcomesDoNotBlend() {
        MaxentModel twoWay = new GISModel(new Context[] {new Context(new int[] {0}, new double[] {1})},
                new String[] {"late"}, new String[] {"negative", "positive"});
        assertThatThrownBy(() -> equallyWeighted(first, twoWay))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot blend");
    }

    private static MaxentModel equallyWeighted(MaxentModel... models) {
        return MaxentBlend.weightedGeometricMean(Arrays.stream(models)
                .map(model -> new MaxentBlend.Member(model, 1, Map.of())).toList());
    }

    private static double[] probabilities(MaxentModel model, String[] context) {
        float[] ones = new float[context.length];
        Arrays.fill(ones, 1f);
        return probabilities(model, context, ones);
    }

    /** The model's probabilities in the order of {@link #OUTCOMES}, whatever order it keeps them in. */
    private static double[] probabilities(MaxentModel model, String[] context, float[] values) {
        double[] p = model.eval(context, values);
        double[] ordered = new double[OUTCOMES.length];
        for (int i = 0; i < OUTCOMES.length; i++) {
            ordered[i] = p[model.getIndex(OUTCOMES[i])];
        }
        return ordered;
    }

    private static double[] geometricMean(double[] a, double[] b) {
        double[] mean = new double[a.length];
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            mean[i] = Math.sqrt(a[i] * b[i]);
            sum += mean[i];
        }
        for (int i = 0; i < a.length; i++) {
            mean[i] /= sum;
        }
        return mean;
    }
}
