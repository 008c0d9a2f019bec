package io.socialbot.triage;

import io.socialbot.mention.redis.RedisMentionQueue;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.redis.RedisClients;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.triage.redis.RedisDecisionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.UnifiedJedis;
import io.socialbot.platform.schedule.TaskSchedulers;

/**
 * A replica for {@link WorkerTakeoverTest} to kill: a real worker whose triage never returns, so it holds its batch
 * until it is killed. Args: Redis URL, key namespace, consumer name, reclaim-after in ms. Prints HOLDING once busy.
 */
public final class HoldingWorkerMain {

    private HoldingWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        UnifiedJedis redis = RedisClients.connect(args[0], TestRedis.properties());
        RedisKeys keys = new RedisKeys(args[1]);
        AtomicBoolean told = new AtomicBoolean();
        CountDownLatch never = new CountDownLatch(1);
        MentionTriage stuck = m -> {
            if (told.compareAndSet(false, true)) {
                System.out.println("HOLDING");
                System.out.flush();
            }
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        };
        TriageWorker worker = new TriageWorker(new RedisMentionQueue(redis, keys, args[2]),
                new RedisMentionStore(redis, keys), stuck, new RedisDecisionStore(redis, keys), List.of());
        worker.start(TaskSchedulers.started(java.time.Clock.systemUTC(), 2), Duration.ofMillis(Long.parseLong(args[3])));
        never.await();
    }
}
