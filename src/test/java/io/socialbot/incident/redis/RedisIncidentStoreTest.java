package io.socialbot.incident.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.IncidentStore;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The incident store on Redis: one running incident, its history and updates. */
public class RedisIncidentStoreTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    private final RedisIncidentStore store = new RedisIncidentStore(testRedis().client(), testRedis().freshKeys());
    private final Instant t0 = Instant.parse("2026-03-02T09:20:00Z");

    @Test
    void oneIncidentAtATimeAndASecondIsRefusedWithTheRunningName() {
        var first = store.start("outage", "C1", "ULEAD", t0);
        assertThat(first).isInstanceOf(IncidentStore.Started.class);
        var second = store.start("other", "C2", "ULEAD2", t0.plusSeconds(60));
        assertThat(second).isInstanceOfSatisfying(IncidentStore.AlreadyRunning.class,
                r -> assertThat(r.running().name()).isEqualTo("outage"));
        assertThat(store.name()).contains("outage");
        var current = store.current().orElseThrow();
        assertThat(current.startedBy()).isEqualTo("ULEAD");
        assertThat(current.startedAt()).isEqualTo(t0);
        assertThat(current.channel()).isEqualTo("C1");
    }

    @Test
    void stopEndsItKeepsHistoryAndRefusesReusingAName() {
        store.start("outage", "C1", "ULEAD", t0);
        var stopped = store.stop("UOTHER", t0.plusSeconds(3600)).orElseThrow();
        assertThat(stopped.stoppedBy()).isEqualTo("UOTHER");
        assertThat(stopped.running()).isFalse();
        assertThat(store.current()).isEmpty();
        assertThat(store.stop("U", t0)).isEmpty();
        assertThat(store.start("outage", "C1", "ULEAD", t0.plusSeconds(7200)))
                .isInstanceOf(IncidentStore.NameTaken.class);
        store.start("outage-2", "C1", "ULEAD", t0.plusSeconds(7200));
        assertThat(store.list()).extracting(i -> i.name()).containsExactly("outage-2", "outage");
    }

    @Test
    void updatesAreKeptInOrderWithAuthorAndTimeAndFoundById() {
        assertThat(store.addUpdate("nothing runs", "U", t0)).isEmpty();
        store.start("outage", "C1", "ULEAD", t0);
        store.addUpdate("we found the fault", "ULEAD", t0.plusSeconds(600));
        var second = store.addUpdate("service returning | region by region", "ULEAD2", t0.plusSeconds(1200))
                .orElseThrow();
        assertThat(store.updates("outage")).extracting(u -> u.text())
                .containsExactly("we found the fault", "service returning | region by region");
        assertThat(store.latestUpdate()).contains(second);
        assertThat(store.findUpdate(second.id())).contains(second);
        assertThat(second.author()).isEqualTo("ULEAD2");
        assertThat(second.at()).isEqualTo(t0.plusSeconds(1200));
        assertThat(store.findUpdate("outage#9")).isEmpty();
        assertThat(store.findUpdate("garbage")).isEmpty();
    }
}
