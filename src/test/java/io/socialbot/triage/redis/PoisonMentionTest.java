package io.socialbot.triage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.Mention;
import io.socialbot.mention.redis.RedisMentionQueue;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.DefaultMentionTriage;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageFixtures;
import io.socialbot.triage.TriageProperties;
import io.socialbot.triage.TriageWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Mentions an older version stored with dates that no longer read (the two of issue 20) sit in one batch with 20
 * good ones, through the real triage on Redis: the good ones are decided, each poison one is set aside alone.
 */
public class PoisonMentionTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    private final RedisKeys keys = testRedis().freshKeys();
    private final RedisMentionStore store = new RedisMentionStore(testRedis().client(), keys);
    private final RedisDecisionStore decisions = new RedisDecisionStore(testRedis().client(), keys);
    private final List<String> told = new CopyOnWriteArrayList<>();

    private TriageWorker worker() {
        TriageProperties settings = TriageFixtures.shippedSettings();
        DefaultMentionTriage triage = new DefaultMentionTriage(settings, TriageFixtures.languages(),
                TriageFixtures.sentiments(), new RedisClusterIndex(testRedis().client(), keys, settings.clusters().ttl()),
                new RedisRateGuard(testRedis().client(), keys, Clock.systemUTC(), new TriageProperties.RateGuard(1, 100),
                        Duration.ofHours(1)));
        return new TriageWorker(new RedisMentionQueue(testRedis().client(), keys, "w"), store, triage, decisions,
                List.of((Mention m, TriageDecision d) -> told.add(d.key())));
    }

    @Test
    void oneBatchWithPoisonAmongGoodMentionsDecidesTheGoodOnesAndSetsThePoisonAside() {
        List<Mention> batch = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            Mention m = TriageFixtures.mention("p" + i, "@BrandTel still no signal in Leeds " + i);
            if (i == 7) {
                // what -999999999-01-01T00:00:00+18:00 became: stored, but no OffsetDateTime can read it back
                m = TriageFixtures.at(m, java.time.OffsetDateTime.parse("-999999999-01-01T00:00:00+18:00").toInstant());
            } else if (i == 15) {
                m = TriageFixtures.at(m, Instant.parse("+300000000-01-01T00:00:00Z")); // overflows milliseconds
            } else {
                good.add(m.key());
            }
            batch.add(m);
        }
        store.acceptAll(batch); // the constructor does not check the range, as the edge before issue 20 did not
        TriageWorker worker = worker();

        List<TriageWorker.Decided> decided = worker.processAvailable(50, Duration.ZERO);

        assertThat(decided).extracting(d -> d.decision().key()).containsExactlyInAnyOrderElementsOf(good);
        assertThat(told).containsExactlyInAnyOrderElementsOf(good);
        assertThat(testRedis().client().lrange(keys.key("stream", "failed"), 0, -1))
                .containsExactlyInAnyOrder(batch.get(7).key(), batch.get(15).key());
        assertThat(testRedis().client().exists(keys.key("m", batch.get(7).key()))).as("set aside, still kept").isTrue();
        assertThat(testRedis().client().xlen(keys.key("stream", "mentions"))).as("nothing left to retry").isZero();
        assertThat(worker.reclaim(Duration.ZERO, 50)).as("the reclaim is not stopped either").isEmpty();
    }
}
