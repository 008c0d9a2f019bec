package io.socialbot.platform.redis;

import static io.socialbot.support.Mentions.mention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.mention.MentionStore;
import io.socialbot.mention.StoreUnavailableException;
import io.socialbot.mention.redis.RedisMentionQueue;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.support.TestRedis;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageWorker;
import io.socialbot.triage.redis.RedisDecisionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import redis.clients.jedis.UnifiedJedis;
import io.socialbot.platform.schedule.TaskSchedulers;

/** Redis stops and comes back: writes fail loudly meanwhile, health says DOWN, and everything reconnects by itself. */
class RedisOutageTest {

    @Test
    void storeHealthAndWorkerSurviveARedisRestart() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start();
        int port = redis.port();
        UnifiedJedis client = RedisClients.connect(redis.url(), TestRedis.properties());
        RedisKeys keys = TestRedis.freshKeys();
        RedisMentionStore store = new RedisMentionStore(client, keys);
        RedisHealthIndicator health = new RedisHealthIndicator(client, true);
        List<String> decided = new CopyOnWriteArrayList<>();
        TriageWorker worker = new TriageWorker(new RedisMentionQueue(client, keys, "w"), store,
                m -> new TriageDecision(m.key(), m.id(), null, null, null, List.of(), List.of(), null, true, null),
                new RedisDecisionStore(client, keys), List.of((m, d) -> decided.add(d.key())));
        try {
            worker.start(TaskSchedulers.started(java.time.Clock.systemUTC(), 2), Duration.ofSeconds(5));
            assertThat(store.accept(mention("before", "x"))).isInstanceOf(MentionStore.Accepted.class);
            await(() -> decided.contains("twitter:before"));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            redis.stop();
            assertThatThrownBy(() -> store.accept(mention("during", "x"))).isInstanceOf(StoreUnavailableException.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

            redis = EmbeddedRedis.start(port); // empty again: the embedded server keeps nothing on disk
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(store.accept(mention("after", "x"))).isInstanceOf(MentionStore.Accepted.class);
            await(() -> decided.contains("twitter:after"));
        } finally {
            worker.stop();
            client.close();
            redis.stop();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
