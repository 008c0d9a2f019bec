package io.socialbot.casework.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.Case;
import io.socialbot.casework.CaseStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The case store's scripts straight on Redis: one owner per case whatever the race, and the indexes kept true. */
public class RedisCaseStoreTest {

    private static final Instant T = Instant.parse("2026-03-02T08:15:00Z");

    private final RedisKeys keys = testRedis().freshKeys();
    private final RedisCaseStore store = new RedisCaseStore(testRedis().client(), keys);
    private final RedisCaseOutbox outbox = new RedisCaseOutbox(testRedis().client(), keys);
    private final List<UnifiedJedis> clients = new ArrayList<>();

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    @AfterEach
    void close() {
        clients.forEach(UnifiedJedis::close);
    }

    private static Case open(String key, Priority priority, Instant received) {
        return new Case(key, key.substring(key.indexOf(':') + 1), "jo", priority, "#care", null, Case.Status.OPEN,
                null, 1, 0, null, received, null, null, null, null);
    }

    /** A replica: a store on a Redis client of its own. */
    private RedisCaseStore replica() {
        UnifiedJedis client = testRedis().connect();
        clients.add(client);
        return new RedisCaseStore(client, keys);
    }

    @Test
    void agentsOnTwoReplicasRacingForEveryCaseLeaveEachWithOneOwner() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            assertThat(store.create(open("twitter:r" + i, Priority.P3, T.plusSeconds(i)))).isTrue();
            ids.add("twitter:r" + i);
        }
        assertThat(store.create(open("twitter:r0", Priority.P1, T))).as("created once").isFalse();
        RedisCaseStore[] replicas = {replica(), replica()};
        Map<String, String> winners = new ConcurrentHashMap<>();
        List<String> toldOwner = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String agent = "U" + t;
            List<String> order = new ArrayList<>(ids);
            Collections.shuffle(order, new Random(t));
            RedisCaseStore replica = replicas[t % 2];
            runs.add(pool.submit(() -> {
                for (String id : order) {
                    CaseStore.ClaimOutcome outcome = replica.claim(id, agent);
                    if (outcome instanceof CaseStore.Claimed) {
                        assertThat(winners.putIfAbsent(id, agent)).as("a second owner of " + id).isNull();
                    } else if (outcome instanceof CaseStore.OwnedBy owned) {
                        toldOwner.add(id + "|" + owned.owner());
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(winners).hasSize(200);
        assertThat(toldOwner).hasSize(200 * 7).allSatisfy(told -> assertThat(told.substring(told.indexOf('|') + 1))
                .as(told).isEqualTo(winners.get(told.substring(0, told.indexOf('|')))));
        assertThat(store.queueDepth()).isZero();
        int owned = 0;
        for (int t = 0; t < 8; t++) {
            List<Case> mine = store.ownedBy("U" + t);
            assertThat(mine).allSatisfy(c -> assertThat(c.owner()).isEqualTo(winners.get(c.key())));
            owned += mine.size();
        }
        assertThat(owned).isEqualTo(200);
    }

    @Test
    void claimReleaseResolveGrowAndReplyKeepTheQueueOwnersAndOutboxTrue() {
        store.create(open("twitter:slow", Priority.P3, T));
        store.create(open("twitter:urgent", Priority.P1, T.plusSeconds(60)));
        assertThat(store.queue(10)).extracting(Case::key).containsExactly("twitter:urgent", "twitter:slow");
        assertThat(store.keyForPost("urgent")).contains("twitter:urgent");
        assertThat(outbox.pending()).as("each new case is due to be posted").isEqualTo(2);

        assertThat(store.claim("twitter:urgent", "U1")).isEqualTo(new CaseStore.Claimed());
        assertThat(store.claim("twitter:urgent", "U1")).isEqualTo(new CaseStore.AlreadyYours());
        assertThat(store.release("twitter:urgent", "U2", false)).isEqualTo(new CaseStore.NotOwner("U1"));
        assertThat(store.release("twitter:urgent", "U2", true)).isEqualTo(new CaseStore.Released());
        assertThat(store.ownedBy("U1")).isEmpty();
        assertThat(store.queue(10)).extracting(Case::key).containsExactly("twitter:urgent", "twitter:slow");

        store.claim("twitter:slow", "U2");
        assertThat(store.grow("twitter:slow")).isEqualTo(2);
        assertThat(store.grow("twitter:nothing")).isZero();
        assertThat(store.replied("twitter:slow", "req-1")).isTrue();
        assertThat(store.replied("twitter:slow", "req-1")).as("a retried request counts once").isFalse();
        assertThat(store.resolve("twitter:slow", "refunded")).isTrue();
        assertThat(store.resolve("twitter:slow", "again")).isFalse();
        assertThat(store.claim("twitter:slow", "U3")).isEqualTo(new CaseStore.NotOpen());

        Case slow = store.find("twitter:slow").orElseThrow();
        assertThat(slow.status()).isEqualTo(Case.Status.RESOLVED);
        assertThat(slow.clusterSize()).isEqualTo(2);
        assertThat(slow.replies()).isEqualTo(1);
        assertThat(slow.note()).isEqualTo("refunded");
        assertThat(store.ownedBy("U2")).isEmpty();
        assertThat(store.queue(10)).extracting(Case::key).containsExactly("twitter:urgent");
        assertThat(outbox.pending()).as("still one post due per case: changes fold into it").isEqualTo(2);
    }

    private static SentimentLabel label(Label label, String by, Instant at) {
        return new SentimentLabel("twitter:5", "is it down?", "en", Label.NEGATIVE, -0.5, label, by, at);
    }

    @Test
    void aLabelIsKeptOnTheCaseAndQueuesItsPostButNeverMakesACase() {
        assertThat(store.labelled("twitter:none", label(Label.NEUTRAL, "U1", T))).isFalse();
        assertThat(store.find("twitter:none")).isEmpty();
        store.create(open("twitter:5", Priority.P2, T));
        assertThat(store.labelled("twitter:5", label(Label.NEUTRAL, "U1", T.plusSeconds(1)))).isTrue();
        assertThat(store.labelled("twitter:5", label(Label.POSITIVE, "U2", T.plusSeconds(3)))).isTrue();
        // given before the one shown, it arrives too late to show
        assertThat(store.labelled("twitter:5", label(Label.NEGATIVE, "U3", T.plusSeconds(2)))).isTrue();
        assertThat(store.find("twitter:5")).get().satisfies(c -> {
            assertThat(c.label()).isEqualTo(Label.POSITIVE);
            assertThat(c.labelledBy()).isEqualTo("U2");
            assertThat(c.status()).isEqualTo(Case.Status.OPEN);
        });
        assertThat(outbox.pending()).as("one post due: the labels fold into it").isEqualTo(1);
    }
}
