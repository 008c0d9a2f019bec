package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogCountRatiosTest {

    // labels: 0 negative, 1 neutral, 2 positive; "the" is everywhere, "down" only in negatives, "rare" once
    private final List<String[]> features = List.of(
            new String[] {"the", "down", "down"},
            new String[] {"the", "down"},
            new String[] {"the", "down", "rare"},
            new String[] {"the", "when"},
            new String[] {"the", "when"},
            new String[] {"the", "thanks"},
            new String[] {"the", "thanks"});
    private final int[] labels = {0, 0, 0, 1, 1, 2, 2};

    @Test
    void aFeatureThatMarksOneLabelWeighsMoreThanOneEveryTextHas() {
        Map<String, Double> scales = LogCountRatios.scales(features, labels, 3, 2);
        assertThat(scales.get("down")).isGreaterThan(scales.get("the"));
        assertThat(scales.get("thanks")).isGreaterThan(scales.get("the"));
        assertThat(scales.get("when")).isGreaterThan(scales.get("the"));
        assertThat(scales.get("the")).isLessThan(0.2);
    }

    @Test
    void rareFeaturesAreDroppedAndTheRestAverageOne() {
        Map<String, Double> scales = LogCountRatios.scales(features, labels, 3, 2);
        assertThat(scales).doesNotContainKey("rare").containsOnlyKeys("the", "down", "when", "thanks");
        double mean = scales.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isCloseTo(1.0, within(1e-9));
        assertThat(LogCountRatios.scales(features, labels, 3, 1)).containsKey("rare");
    }

    @Test
    void aFeatureCountsOncePerText() {
        // "down" twice in the first text must weigh as "down" once
        List<String[]> once = List.of(new String[] {"the", "down"}, features.get(1), features.get(2),
                features.get(3), features.get(4), features.get(5), features.get(6));
        assertThat(LogCountRatios.scales(once, labels, 3, 2).get("down"))
                .isCloseTo(LogCountRatios.scales(features, labels, 3, 2).get("down"), within(1e-12));
    }
}
