package io.socialbot.stats.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socialbot.casework.CaseEvent;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.stats.StatsProperties;
import io.socialbot.stats.StatsService;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatsMeterBinderTest {

    private static final Instant NOW = Instant.parse("2026-07-18T12:00:00Z");

    @Test
    void gaugesShowTodaysFiguresAfterARefresh() {
        var store = new InMemoryCaseTimelineStore();
        var stats = new StatsService(store, StatsProperties.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        var registry = new SimpleMeterRegistry();
        var binder = new StatsMeterBinder(stats);
        {
            binder.bindTo(registry);
            store.on(new CaseEvent.Received("x:1", Priority.P1, null, NOW.minusSeconds(3600)));
            store.on(new CaseEvent.Claimed("x:1", "U1", NOW.minusSeconds(3600 - 120)));
            store.on(new CaseEvent.Received("x:2", Priority.P1, null, NOW.minusSeconds(600)));
            store.on(new CaseEvent.Claimed("x:2", "U1", NOW.minusSeconds(600 - 30)));
            store.on(new CaseEvent.Replied("x:2", "U1", NOW.minusSeconds(600 - 90)));
            store.on(new CaseEvent.Received("x:old", Priority.P1, null, NOW.minus(Duration.ofDays(2))));
            binder.refresh();

            assertThat(registry.get("socialbot.stats.cases.today").tag("priority", "P1").gauge().value())
                    .isEqualTo(2);
            assertThat(registry.get("socialbot.stats.cases.today").tag("priority", "P2").gauge().value()).isZero();
            assertThat(registry.get("socialbot.stats.time.to.claim.seconds").tags("priority", "P1", "stat", "median")
                    .gauge().value()).isEqualTo(30);
            assertThat(registry.get("socialbot.stats.time.to.claim.seconds").tags("priority", "P1", "stat", "p90")
                    .gauge().value()).isEqualTo(120);
            assertThat(registry.get("socialbot.stats.time.to.first.reply.seconds")
                    .tags("priority", "P1", "stat", "median").gauge().value()).isEqualTo(90);
            assertThat(registry.get("socialbot.stats.breaches.open").tag("priority", "P1").gauge().value())
                    .isEqualTo(1);
            assertThat(registry.get("socialbot.stats.time.to.first.reply.seconds")
                    .tags("priority", "P2", "stat", "p90").gauge().value()).isNaN();
        }
    }
}
