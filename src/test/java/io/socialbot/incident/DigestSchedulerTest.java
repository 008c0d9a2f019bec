package io.socialbot.incident;

import io.socialbot.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.redis.RedisDigestCounts;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.incident.redis.RedisSlotClaims;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.support.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hours pass in milliseconds: the test drives each replica's tick with a hand-moved clock. */
class DigestSchedulerTest {

    private final RedisKeys keys = TestRedis.freshKeys();
    private final RedisIncidentStore incidents = new RedisIncidentStore(TestRedis.client(), keys);
    private final RedisDigestCounts counts = new RedisDigestCounts(TestRedis.client(), keys, Duration.ofDays(1));
    private final MutableClock clock = new MutableClock(ReplayedIncident.START);
    private final IncidentProperties properties = IncidentProperties.defaults();
    private final List<Digest> posted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean slackDown = new AtomicBoolean();

    @BeforeEach
    void start() {
        incidents.start(ReplayedIncident.NAME, "C0INC", "ULEAD", ReplayedIncident.START);
        var listener = new IncidentMentionCounter(incidents, counts, properties);
        new ReplayedIncident(new int[]{10, 20, 30, 40, 50}, new double[]{0.5, 0.5, 0.5, 0.5, 0.5}, 3).items
                .forEach(i -> listener.onDecision(i.mention(), i.decision()));
    }

    private DigestScheduler replica(String name) {
        var composer = TestDigests.composer(incidents, counts, new InMemoryCaseTimelineStore(), properties, clock);
        return new DigestScheduler(incidents, new RedisSlotClaims(TestRedis.client(), keys, name), composer,
                (channel, digest) -> {
                    if (slackDown.get()) {
                        throw new IllegalStateException("chat.postMessage failed: ratelimited");
                    }
                    assertThat(channel).isEqualTo("C0INC");
                    posted.add(digest);
                }, properties, clock);
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-03-02T" + hhmm + ":00Z");
    }

    @Test
    void twoReplicasPostEachHourOnce() {
        DigestScheduler a = replica("a");
        DigestScheduler b = replica("b");
        // every 5 min from 09:20 to 13:59:30, both replicas ticking
        for (Instant t = at("09:20"); t.isBefore(at("14:00")); t = t.plusSeconds(300)) {
            clock.set(t);
            // both at once, as two pods would
            var fa = java.util.concurrent.CompletableFuture.runAsync(a::tick);
            var fb = java.util.concurrent.CompletableFuture.runAsync(b::tick);
            fa.join();
            fb.join();
        }
        assertThat(posted).extracting(Digest::from)
                .containsExactly(at("09:20"), at("10:00"), at("11:00"), at("12:00"));
        assertThat(posted.get(0).text()).contains("2026 09:20–10:00", "10 relevant mentions");
        assertThat(posted.get(3).text()).contains("2026 12:00–13:00", "40 relevant mentions")
                .doesNotContain("Posted late");
    }

    @Test
    void aReplicaStartingMidHourDoesNotRepost() {
        clock.set(at("11:00").plusSeconds(30));
        assertThat(replica("a").tick()).containsExactly(at("09:00"), at("10:00"));
        clock.set(at("11:40"));
        assertThat(replica("restarted").tick()).isEmpty();
        clock.set(at("12:00").plusSeconds(10));
        assertThat(replica("restarted").tick()).containsExactly(at("11:00"));
        assertThat(posted).hasSize(3);
    }

    @Test
    void aMissedHourIsPostedLateWithANote() {
        clock.set(at("10:00").plusSeconds(5));
        replica("a").tick();
        // nobody ticks from 10:00:05 until 12:30: the 10:00 and 11:00 digests were missed
        clock.set(at("12:30"));
        assertThat(replica("a").tick()).containsExactly(at("10:00"), at("11:00"));
        assertThat(posted.get(0).text()).doesNotContain("Posted late");
        assertThat(posted.get(1).text()).contains("Posted late: this is the digest for the hour starting 10:00",
                "20 relevant mentions");
        assertThat(posted.get(2).text()).contains("hour starting 11:00", "30 relevant mentions");
    }

    @Test
    void aFailedPostIsRetriedOnTheNextTick() {
        clock.set(at("10:00").plusSeconds(5));
        slackDown.set(true);
        assertThat(replica("a").tick()).isEmpty();
        slackDown.set(false);
        clock.set(at("10:00").plusSeconds(35));
        assertThat(replica("b").tick()).containsExactly(at("09:00"));
        assertThat(posted).hasSize(1);
    }

    @Test
    void nothingIsPostedWithoutARunningIncident() {
        incidents.stop("ULEAD", at("09:50"));
        clock.set(at("11:00"));
        assertThat(replica("a").tick()).isEmpty();
        assertThat(posted).isEmpty();
    }
}
