package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentEvaluationTest {

    /** Says negative for anything with "bad", positive for "good", else neutral. */
    private final SentimentClassifier byWord = text -> new TriageDecision.Sentiment(
            text.contains("bad") ? Label.NEGATIVE : text.contains("good") ? Label.POSITIVE : Label.NEUTRAL, 0);

    @Test
    void theConfusionMatrixCountsTrueLabelsByRowAndPredictionsByColumn() {
        List<LabelledText> rows = List.of(
                new LabelledText("1", Label.NEGATIVE, "bad"),
                new LabelledText("2", Label.NEGATIVE, "meh"),
                new LabelledText("3", Label.NEUTRAL, "meh"),
                new LabelledText("4", Label.NEUTRAL, "good"),
                new LabelledText("5", Label.POSITIVE, "good"),
                new LabelledText("6", Label.POSITIVE, "good"));

        SentimentEvaluation result = SentimentEvaluation.of(byWord, rows);

        assertThat(result.confusion()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 1, 1}, {0, 0, 2}});
        assertThat(result.correct()).isEqualTo(4);
        assertThat(result.report()).contains("""
                confusion (rows: true label, columns: predicted)
                            negative   neutral  positive
                negative           1         1         0
                neutral            0         1         1
                positive           0         0         2
                """);
    }
}
