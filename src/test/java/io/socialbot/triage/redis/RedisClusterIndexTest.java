package io.socialbot.triage.redis;

import static io.socialbot.triage.TriageFixtures.mention;
import static io.socialbot.triage.TriageFixtures.retweet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.mention.Mention;
import io.socialbot.mention.StoreUnavailableException;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.ClusterIndex;
import io.socialbot.triage.ClusterIndexContract;
import io.socialbot.triage.DefaultMentionTriage;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageFixtures;
import io.socialbot.triage.TriageProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The cluster index on Redis: the contract, replicas agreeing on ids, expiry and lost scripts. */
public class RedisClusterIndexTest extends ClusterIndexContract {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    private final RedisKeys keys = testRedis().freshKeys();
    private final RedisClusterIndex index = new RedisClusterIndex(testRedis().client(), keys, Duration.ofHours(48));

    @Override
    protected ClusterIndex index() {
        return index;
    }

    private DefaultMentionTriage replica() {
        TriageProperties settings = TriageFixtures.shippedSettings();
        return new DefaultMentionTriage(settings, TriageFixtures.languages(), TriageFixtures.sentiments(),
                new RedisClusterIndex(testRedis().client(), keys, settings.clusters().ttl()),
                new RedisRateGuard(testRedis().client(), keys, Clock.systemUTC(), new TriageProperties.RateGuard(1, 100),
                        Duration.ofHours(1)));
    }

    @Test
    void twoReplicasOnOneRedisAgreeOnClusterIds() throws Exception {
        DefaultMentionTriage a = replica();
        DefaultMentionTriage b = replica();
        List<Mention> storm = new ArrayList<>();
        storm.add(mention("100", "@BrandTel no signal in the whole of Leeds since 6am!", "loud", 3_000, false));
        for (int i = 0; i < 200; i++) {
            storm.add(retweet("r" + i, "100", "RT @loud: @BrandTel no signal in the whole of Leeds since 6am!"));
            storm.add(mention("d" + i, "@BrandTelHelp NO signal in the whole of Leeds since 6am https://t.co/x" + i));
        }
        TriageDecision first = a.triage(storm.get(0));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<TriageDecision>> futures = new ArrayList<>();
        for (int i = 1; i < storm.size(); i++) {
            DefaultMentionTriage replica = i % 2 == 0 ? a : b;
            Mention m = storm.get(i);
            futures.add(pool.submit(() -> replica.triage(m)));
        }
        List<TriageDecision> rest = new ArrayList<>();
        for (Future<TriageDecision> f : futures) {
            rest.add(f.get());
        }
        pool.shutdown();

        assertThat(first.postedTo()).isNotNull();
        assertThat(rest).extracting(d -> d.cluster().id()).containsOnly("twitter:100");
        assertThat(rest).extracting(TriageDecision::postedTo).containsOnlyNulls();
        assertThat(rest).extracting(d -> d.cluster().size()).doesNotHaveDuplicates().contains(401);
    }

    @Test
    void racingFirstMentionsOpenExactlyOneCluster() throws Exception {
        DefaultMentionTriage a = replica();
        DefaultMentionTriage b = replica();
        String text = "@BrandTel my landline is down and nobody answers the phone since Monday!";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<TriageDecision>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            DefaultMentionTriage replica = i % 2 == 0 ? a : b;
            Mention m = mention("p" + i, text + " https://t.co/" + i);
            futures.add(pool.submit(() -> replica.triage(m)));
        }
        List<TriageDecision> all = new ArrayList<>();
        for (Future<TriageDecision> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();

        assertThat(all).extracting(d -> d.cluster().id()).hasSameSizeAs(all).containsOnly(all.stream()
                .filter(d -> d.cluster().size() == 1).findFirst().orElseThrow().key());
        assertThat(all).filteredOn(d -> d.postedTo() != null).hasSize(1);
    }

    @Test
    void everyKeyExpires() {
        index.join(new ClusterIndex.Request("t:1", List.of("o:t:1"), List.of("b0:aa"), "", 24, TriageFixtures.T0));

        for (String key : List.of(keys.key("tc", "m", "t:1"), keys.key("tc", "a", "o:t:1"),
                keys.key("tc", "a", "b0:aa"), keys.key("tc", "c", "t:1"))) {
            long ttl = testRedis().client().pttl(key);
            assertThat(ttl).as(key).isBetween(Duration.ofHours(47).toMillis(), Duration.ofHours(48).toMillis());
        }
    }

    @Test
    void aBatchStillJoinsAfterTheServerLostItsScripts() {
        index.join(new ClusterIndex.Request("t:1", List.of("o:t:1"), List.of(), "", 24, TriageFixtures.T0));
        testRedis().client().scriptFlush();

        var all = index.joinAll(List.of(
                new ClusterIndex.Request("t:2", List.of("o:t:1", "o:t:2"), List.of(), "", 24, TriageFixtures.T0),
                new ClusterIndex.Request("t:3", List.of("o:t:1", "o:t:3"), List.of(), "", 24, TriageFixtures.T0)));

        assertThat(all).extracting(ClusterIndex.Membership::size).containsExactly(2L, 3L);
    }

    @Test
    void anUnreachableRedisIsReportedAsUnavailable() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (var nowhere = new redis.clients.jedis.JedisPooled("127.0.0.1", closed)) {
            var unreachable = new RedisClusterIndex(nowhere, keys, Duration.ofHours(1));

            assertThatThrownBy(() -> unreachable.joinAll(List.of(new ClusterIndex.Request("t:1", List.of("o:t:1"),
                    List.of(), "", 24, TriageFixtures.T0)))).isInstanceOf(StoreUnavailableException.class);
        }
    }
}
