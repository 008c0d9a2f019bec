package io.socialbot.triage.redis;

import io.socialbot.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.RateGuard;
import io.socialbot.triage.TriageFixtures;
import io.socialbot.triage.TriageProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-channel token buckets on Redis, shared by replicas. */
public class RedisRateGuardTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    private final RedisKeys keys = testRedis().freshKeys();
    private final MutableClock clock = new MutableClock(TriageFixtures.T0);
    private final TriageProperties.RateGuard settings = new TriageProperties.RateGuard(1.0, 2);

    @Test
    void twoReplicasShareEachChannelsBudget() {
        RateGuard a = new RedisRateGuard(testRedis().client(), keys, clock, settings, Duration.ofHours(1));
        RateGuard b = new RedisRateGuard(testRedis().client(), keys, clock, settings, Duration.ofHours(1));

        assertThat(a.tryAcquire("#care-urgent")).isTrue();
        assertThat(b.tryAcquire("#care-urgent")).isTrue();
        assertThat(a.tryAcquire("#care-urgent")).isFalse();
        assertThat(b.tryAcquire("#care-urgent")).isFalse();
        assertThat(b.tryAcquire("#care-queue")).isTrue();

        clock.advance(Duration.ofMillis(500));
        assertThat(a.tryAcquire("#care-urgent")).isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(b.tryAcquire("#care-urgent")).isTrue();

        assertThat(a.counts("#care-urgent")).isEqualTo(new RateGuard.Counts(3, 3));
        assertThat(b.counts("#care-queue")).isEqualTo(new RateGuard.Counts(1, 0));
        assertThat(b.counts("#nothing")).isEqualTo(new RateGuard.Counts(0, 0));
        assertThat(testRedis().client().pttl(keys.key("tg", "rate", "#care-urgent")))
                .isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).toMillis());
    }

    @Test
    void aLongPauseRefillsOnlyTheBurst() {
        RateGuard guard = new RedisRateGuard(testRedis().client(), keys, clock, settings, Duration.ofHours(1));
        guard.tryAcquire("#c");
        clock.advance(Duration.ofHours(1));

        int let = 0;
        for (int i = 0; i < 5; i++) {
            let += guard.tryAcquire("#c") ? 1 : 0;
        }
        assertThat(let).isEqualTo(2);
    }

    @Test
    void aFullChannelIsRefusedWithoutAskingRedisUntilItsNextTokenIsDue() {
        RateGuard guard = new RedisRateGuard(testRedis().client(), keys, clock, settings, Duration.ofHours(1));
        String bucket = keys.key("tg", "rate", "#c");
        guard.tryAcquire("#c");
        guard.tryAcquire("#c");

        for (int i = 0; i < 5; i++) {
            assertThat(guard.tryAcquire("#c")).isFalse();
        }
        // Redis heard of the first refusal only; the other four wait for the next call
        assertThat(testRedis().client().hget(bucket, "refused")).isEqualTo("1");
        assertThat(guard.counts("#c")).isEqualTo(new RateGuard.Counts(2, 5));

        clock.advance(Duration.ofMillis(999));
        assertThat(guard.tryAcquire("#c")).isFalse();
        assertThat(testRedis().client().hget(bucket, "refused")).isEqualTo("1");
        clock.advance(Duration.ofMillis(1));
        assertThat(guard.tryAcquire("#c")).isTrue();
        assertThat(testRedis().client().hget(bucket, "refused")).isEqualTo("6");
        assertThat(guard.counts("#c")).isEqualTo(new RateGuard.Counts(3, 6));
    }
}
