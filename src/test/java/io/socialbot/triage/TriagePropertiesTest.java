package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriagePropertiesTest {

    @Test
    void shippedYamlBindsWithTelcoDefaults() {
        TriageProperties p = TriageFixtures.shippedSettings();

        assertThat(p.brand().handles()).containsExactly("brandtel", "brandtelhelp");
        assertThat(p.brand().exclusions()).contains("brandtel fc");
        assertThat(p.themes()).containsKeys("emergency", "outage", "compensation", "churn", "billing", "coverage",
                "praise", "press", "legal");
        assertThat(p.themes().get("emergency")).contains("999", "ambulance", "medical alarm");
        assertThat(p.priority().rules().keySet()).startsWith("safety", "press", "legal");
        assertThat(p.priority().rules().get("safety").p1()).isTrue();
        assertThat(p.routing().byPriority()).containsEntry("P1", "#care-urgent").containsEntry("P4", "");
        assertThat(p.routing().byLanguage()).containsEntry("other", "#care-international");
        assertThat(p.rateGuard().perSecond()).isEqualTo(1.0);
        assertThat(p.clusters().ttl()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void brandHandlesCanBeReplacedAtRunTime() {
        TriageProperties p = TriageFixtures.shippedSettings().withBrandHandles(List.of("@AcmeMobile"));

        assertThat(p.brand().handles()).containsExactly("acmemobile");
        assertThat(p.brand().allKeywords()).contains("acmemobile", "brandtel");
        assertThat(p.themes()).isEqualTo(TriageFixtures.shippedSettings().themes());
        assertThatThrownBy(() -> p.withBrandHandles(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateGuardRefusesNonsense() {
        assertThatThrownBy(() -> new TriageProperties.RateGuard(0, 3))
                .hasMessageContaining("per-second");
    }
}
