package io.socialbot.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.casework.ResponseClockStartTest;
import io.socialbot.casework.redis.RedisCaseStoreTest;
import io.socialbot.casework.slack.ApprovalSlackTest;
import io.socialbot.casework.slack.OutboxOrderTest;
import io.socialbot.casework.slack.PosterLeaseTest;
import io.socialbot.incident.DigestFiguresTest;
import io.socialbot.incident.UpdateBroadcastTest;
import io.socialbot.incident.redis.RedisIncidentStoreTest;
import io.socialbot.mention.redis.RedisMentionStoreTest;
import io.socialbot.prompt.redis.RedisModelBudgetTest;
import io.socialbot.stats.redis.RedisCaseTimelineStoreTest;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisCluster;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.redis.PoisonMentionTest;
import io.socialbot.triage.redis.RedisClusterIndexTest;
import io.socialbot.triage.redis.RedisRateGuardTest;
import io.socialbot.triage.redis.RedisSentimentLabelsTest;
import io.socialbot.x.XMentionPollerTest;
import io.socialbot.x.XReplySenderTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.actuate.health.Status;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The Redis adapters' own tests, run again on a real three-master Redis Cluster ({@link TestRedisCluster}) through
 * {@code RedisClients.connect("redis-cluster://...")}, as replicas given such a URL run. After each test every key
 * in the cluster must carry the hash tag of a namespace a test was given and sit on that namespace's node; the
 * embedded single server is off limits meanwhile, and each rerun test class must have left keys on the cluster, so
 * none can pass on a single server by accident.
 */
class RedisClusterTest {

    static TestRedisCluster cluster;
    /** The keys each rerun test class left on the cluster, and the nodes that held them: in the end, all three. */
    static final Map<Class<?>, Integer> keysLeft = new ConcurrentHashMap<>();
    static final Set<Integer> nodesUsed = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
        cluster = TestRedisCluster.start();
        TestRedis.offLimits("a test on the Redis Cluster reached the single embedded server");
    }

    @AfterAll
    static void stop() {
        TestRedis.offLimits(null);
        cluster.close();
        assertThat(keysLeft).as("keys each rerun test class left on the cluster").allSatisfy((rerun, keys) ->
                assertThat(keys).as(rerun.getSimpleName()).isPositive());
        boolean all = Arrays.stream(RedisClusterTest.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Nested.class)).allMatch(keysLeft::containsKey);
        if (all) {
            assertThat(nodesUsed).as("the nodes that held the tests' keys").containsExactlyInAnyOrder(0, 1, 2);
        }
    }

    @AfterEach
    void everyKeyCarriesANamespacesHashTagAndSitsOnItsNode(TestInfo test) {
        List<String> stray = new ArrayList<>();
        int found = 0;
        for (int node = 0; node < cluster.ports().size(); node++) {
            for (String key : cluster.keysOn(node)) {
                if (!cluster.inANamespace(key) || cluster.nodeOf(key) != node) {
                    stray.add(key + " on node " + node);
                }
                nodesUsed.add(node);
                found++;
            }
        }
        Class<?> rerun = test.getTestClass().orElseThrow();
        if (rerun.isAnnotationPresent(Nested.class)) {
            keysLeft.merge(rerun, found, Integer::sum);
        }
        cluster.flushAll(); // before the verdict: one stray key fails its own test, not every later one
        assertThat(stray).as("keys without a namespace's hash tag, or off its node").isEmpty();
    }

    @Test
    void threeMastersServeEverySlotAndTheHealthCheckReachesThem() {
        for (int port : cluster.ports()) {
            try (Jedis node = new Jedis("127.0.0.1", port)) {
                assertThat(node.clusterInfo()).contains("cluster_state:ok", "cluster_known_nodes:3",
                        "cluster_slots_assigned:16384", "cluster_size:3");
            }
        }
        RedisKeys keys = cluster.freshKeys();
        cluster.client().set(keys.key("probe"), "1");
        assertThat(new RedisHealthIndicator(cluster.client(), false).health().getStatus()).isEqualTo(Status.UP);
    }

    /** The checks above trust the cluster to refuse what a missing hash tag does: here it is seen doing so. */
    @Test
    void keysOutsideTheNamespacesSlotAreRefused() {
        RedisKeys keys = cluster.freshKeys();
        int home = cluster.nodeOf(keys.key());
        String elsewhere = IntStream.range(0, 1_000).mapToObj(i -> "no-tag:" + i)
                .filter(k -> cluster.nodeOf(k) != home).findFirst().orElseThrow();
        RedisScript set = new RedisScript("return redis.call('SET', ARGV[1], '1')");
        // a key only the script knows (built from ARGV, as some of ours are), on another node than the call's
        assertThatThrownBy(() -> set.run(cluster.client(), List.of(keys.key("x")), List.of(elsewhere)))
                .isInstanceOf(JedisDataException.class).hasMessageContaining("non local key");
        try (UnifiedJedis node = new JedisPooled("127.0.0.1", cluster.ports().get(home))) {
            // declared keys of two slots: the node refuses the call; a key of another node's slot: MOVED
            assertThatThrownBy(() -> set.run(node, List.of(keys.key("x"), elsewhere), List.of(keys.key("x"))))
                    .hasMessageContaining("CROSSSLOT");
            assertThatThrownBy(() -> node.get(elsewhere)).hasMessageContaining("MOVED");
        }
    }

    /** The mention store and the triage queue: store-and-queue in one script, the consumer group, reclaims. */
    @Nested
    class MentionStoreAndQueue extends RedisMentionStoreTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** Triage on Redis: a batch read by MGET, the cluster index, rate guards, decisions, poison set aside. */
    @Nested
    class TriageOnRedis extends PoisonMentionTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** The cluster index of triage: its contract, two replicas racing, expiry, lost scripts. */
    @Nested
    class MentionClusters extends RedisClusterIndexTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** Per-channel rate guards. */
    @Nested
    class RateGuards extends RedisRateGuardTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** Mention store, queue, triage worker, decision store and case store in one chain. */
    @Nested
    class ResponseClock extends ResponseClockStartTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** The case store: the atomic claim under a race, release, resolve, growth, replies. */
    @Nested
    class CaseClaims extends RedisCaseStoreTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** The outbox: claims of due posts and updates, budgets, leases, Retry-After. */
    @Nested
    class Outbox extends OutboxOrderTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** The outbox's leases: renewed while a post is in flight, lapsing when its poster stops. */
    @Nested
    class PosterLeases extends PosterLeaseTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** The approval store, through two replicas of the Bolt app. */
    @Nested
    class Approvals extends ApprovalSlackTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** X polling: the checkpoint and paging progress, the pace and the lease. */
    @Nested
    class XPolling extends XMentionPollerTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** X replies: the reply ledger and the posting pace. */
    @Nested
    class XReplies extends XReplySenderTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** The incident store. */
    @Nested
    class Incidents extends RedisIncidentStoreTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** Digest counts: hourly hashes, HyperLogLogs (PFCOUNT over hours) and rankings. */
    @Nested
    class DigestCounts extends DigestFiguresTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** The broadcast queue, two replicas draining it together. */
    @Nested
    class Broadcasts extends UpdateBroadcastTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** Case timelines: the one script, pipelines in chunks, retention. */
    @Nested
    class CaseTimelines extends RedisCaseTimelineStoreTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** The model budget shared by two replicas. */
    @Nested
    class ModelBudget extends RedisModelBudgetTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }

    /** People's sentiment labels: one hash, read in HSCAN pages. */
    @Nested
    class SentimentLabels extends RedisSentimentLabelsTest {
        @Override
        protected TestRedisTarget testRedis() {
            return cluster;
        }
    }
}
