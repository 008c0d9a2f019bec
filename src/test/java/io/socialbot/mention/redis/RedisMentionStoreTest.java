package io.socialbot.mention.redis;

import static io.socialbot.support.Mentions.mention;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionQueue;
import io.socialbot.mention.MentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The mention store and the triage queue on Redis; {@code RedisClusterTest} runs these on a cluster too. */
public class RedisMentionStoreTest {

    private final RedisKeys keys = testRedis().freshKeys();
    private final RedisMentionStore store = new RedisMentionStore(testRedis().client(), keys);
    private final RedisMentionQueue queue = new RedisMentionQueue(testRedis().client(), keys, "c1");

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    @Test
    void storesQueuesAndDedupesBySourceAndId() {
        Mention a = mention("1", "hello");
        Mention sameIdOtherSource = new Mention("1", "facebook", a.createdAt(), "hello", a.author(), null, null, null,
                null, null);
        List<MentionStore.AcceptResult> results = store.acceptAll(List.of(a, a, sameIdOtherSource));
        assertThat(results).extracting(r -> r.getClass().getSimpleName())
                .containsExactly("Accepted", "Duplicate", "Accepted");
        assertThat(store.accept(a)).isInstanceOf(MentionStore.Duplicate.class);
        assertThat(store.find("twitter:1")).get().usingRecursiveComparison().ignoringFields("receivedAt").isEqualTo(a);
        assertThat(store.count()).isEqualTo(2);
        assertThat(queue.next(10, Duration.ZERO)).extracting(MentionQueue.Entry::mentionKey)
                .containsExactly("twitter:1", "facebook:1");
    }

    @Test
    void concurrentAcceptsOfTheSameIdsStoreEachOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> acceptedKeys = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    var r = store.accept(mention(String.valueOf(i), "x"));
                    if (r instanceof MentionStore.Accepted) {
                        assertThat(acceptedKeys.add(r.key())).as("accepted twice: " + r.key()).isTrue();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(acceptedKeys).hasSize(200);
        assertThat(queue.depth()).isEqualTo(200);
    }

    @Test
    void anUnacknowledgedEntryIsReclaimedByAnotherConsumerAndAckRemovesIt() throws Exception {
        store.accept(mention("7", "x"));
        List<MentionQueue.Entry> taken = queue.next(10, Duration.ZERO);
        assertThat(taken).hasSize(1);
        RedisMentionQueue other = new RedisMentionQueue(testRedis().client(), keys, "c2");
        assertThat(other.next(10, Duration.ZERO)).as("delivered once only").isEmpty();
        Thread.sleep(30);
        List<MentionQueue.Entry> reclaimed = other.reclaim(Duration.ofMillis(20), 10);
        assertThat(reclaimed).extracting(MentionQueue.Entry::mentionKey).containsExactly("twitter:7");
        other.ack(reclaimed);
        assertThat(other.depth()).isZero();
        Set<String> none = new HashSet<>(other.reclaim(Duration.ZERO, 10).stream().map(MentionQueue.Entry::entryId).toList());
        assertThat(none).isEmpty();
    }
}
