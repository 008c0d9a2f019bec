package io.socialbot.prompt.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Two replicas draw on one per-minute budget on the embedded Redis. */
public class RedisModelBudgetTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    @Test
    void twoReplicasShareTheCapAndANewMinuteRefillsIt() {
        RedisKeys keys = testRedis().freshKeys();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:15:10Z"));
        try (UnifiedJedis other = testRedis().connect()) {
            RedisModelBudget a = new RedisModelBudget(testRedis().client(), keys, 3, clock);
            RedisModelBudget b = new RedisModelBudget(other, keys, 3, clock);
            List<Boolean> taken = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                taken.add(a.tryTake());
                taken.add(b.tryTake());
            }
            assertThat(taken).containsExactly(true, true, true, false, false, false);
            clock.advance(Duration.ofSeconds(50));
            assertThat(b.tryTake()).as("the next minute").isTrue();
        }
    }
}
