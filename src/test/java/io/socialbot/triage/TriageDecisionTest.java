package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TriageDecisionTest {

    private static TriageDecision decision(TriageDecision.Priority priority, List<String> reasons,
                                           List<String> themes) {
        return new TriageDecision("x:1", "1", "en",
                new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEGATIVE, -0.6), priority, reasons, themes,
                new TriageDecision.Cluster("x:1", TriageDecision.Cluster.Kind.SINGLE, 1), true, null);
    }

    @Test
    void aSafetyThemeOrTheSafetyRuleMakesASafetyCase() {
        assertThat(decision(TriageDecision.Priority.P1, List.of("P1: safety (\"ambulance\")"), List.of())
                .isSafetyCase()).isTrue();
        for (String theme : TriageDecision.SAFETY_THEMES) {
            assertThat(decision(TriageDecision.Priority.P3, List.of(), List.of("outage", theme)).isSafetyCase())
                    .as(theme).isTrue();
        }
    }

    @Test
    void otherUrgentCasesAreNot() {
        assertThat(decision(TriageDecision.Priority.P1, List.of("P1: press (\"journalist\")"),
                List.of("press", "outage")).isSafetyCase()).isFalse();
        assertThat(decision(TriageDecision.Priority.P2, List.of("P2: churn (\"switching\")"), List.of("churn"))
                .isSafetyCase()).isFalse();
    }
}
