package io.socialbot.x;

import io.socialbot.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The X mention poller on Redis: its checkpoint and paging progress, pace and lease. */
public class XMentionPollerTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    static final String BRAND = "1000";
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    XApiStub stub;
    UnifiedJedis redis = testRedis().client();
    RedisKeys keys = testRedis().freshKeys();
    MentionStore store = new RedisMentionStore(redis, keys);
    MutableClock clock = new MutableClock(T0);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    List<String> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        stub = new XApiStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    XProperties props() {
        return new XProperties(null, null, null, null, "bearer-secret", BRAND, Duration.ofSeconds(1),
                stub.restBaseUrl(), stub.v2BaseUrl(), 10, Duration.ofSeconds(5), Duration.ofSeconds(2), 3,
                Duration.ofMillis(1));
    }

    XMentionPoller poller() {
        return new XMentionPoller(XClients.forPolling(props()), store, redis, keys, props(), clock, meters,
                alerts::add);
    }

    static String tweet(long id, long authorId, String text, String refType, Long refId) {
        String refs = refType == null ? "" : ",\"referenced_tweets\":[{\"type\":\"" + refType + "\",\"id\":\"" + refId + "\"}]";
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"author_id\":\"" + authorId + "\","
                + "\"created_at\":\"2026-11-23T01:0" + (id % 10) + ":00.000Z\",\"lang\":\"en\","
                + "\"conversation_id\":\"" + id + "\","
                + "\"public_metrics\":{\"retweet_count\":3,\"reply_count\":1,\"like_count\":7,\"quote_count\":0}"
                + refs + "}";
    }

    static String user(long id, String handle, long followers, boolean verified) {
        return "{\"id\":\"" + id + "\",\"name\":\"Name " + handle + "\",\"username\":\"" + handle + "\","
                + "\"verified\":" + verified + ",\"public_metrics\":{\"followers_count\":" + followers
                + ",\"following_count\":1,\"tweet_count\":2,\"listed_count\":0}}";
    }

    static String page(List<String> tweets, List<String> users, String nextToken) {
        if (tweets.isEmpty()) {
            return "{\"meta\":{\"result_count\":0}}";
        }
        String newest = tweets.get(0).replaceAll("^\\{\"id\":\"(\\d+)\".*", "$1");
        String oldest = tweets.get(tweets.size() - 1).replaceAll("^\\{\"id\":\"(\\d+)\".*", "$1");
        return "{\"data\":[" + String.join(",", tweets) + "],"
                + "\"includes\":{\"users\":[" + String.join(",", users) + "]},"
                + "\"meta\":{\"result_count\":" + tweets.size() + ",\"newest_id\":\"" + newest + "\",\"oldest_id\":\""
                + oldest + "\"" + (nextToken == null ? "" : ",\"next_token\":\"" + nextToken + "\"") + "}}";
    }

    XApiStub.Answer ok(String body) {
        return XApiStub.Answer.json(200, body)
                .withHeaders(XApiStub.rateLimit(450, 400, T0.plusSeconds(900).getEpochSecond()));
    }

    @Test
    void pagesThroughMentionsMapsThemAndCheckpointsNewestId() {
        stub.enqueue(XApiStub.MENTIONS, ok(page(
                        List.of(tweet(205, 7, "@brand down again", null, null),
                                tweet(204, 8, "RT @x: @brand down", "retweeted", 150L)),
                        List.of(user(7, "alice", 1200, true), user(8, "bob", 5, false)), "tok-2")))
                .enqueue(XApiStub.MENTIONS, ok(page(
                        List.of(tweet(203, 7, "@brand hello?", "replied_to", 190L)),
                        List.of(user(7, "alice", 1200, true)), null)));

        var poller = poller();
        var outcome = poller.pollOnce();

        assertThat(outcome).isEqualTo(new XMentionPoller.Polled(2, 3, 3, "205"));
        var gets = stub.requests("GET", "/2/users/" + BRAND + "/mentions");
        assertThat(gets).hasSize(2);
        assertThat(gets.get(0).query()).doesNotContainKey("since_id").doesNotContainKey("pagination_token")
                .containsEntry("expansions", "author_id,referenced_tweets.id")
                .containsEntry("user.fields", "public_metrics,verified,verified_type")
                .containsEntry("max_results", "10");
        assertThat(gets.get(0).query().get("tweet.fields")).contains("created_at", "lang", "public_metrics",
                "referenced_tweets", "in_reply_to_user_id", "conversation_id");
        assertThat(gets.get(0).authorization()).isEqualTo("Bearer bearer-secret");
        assertThat(gets.get(1).query()).containsEntry("pagination_token", "tok-2");

        Mention first = store.find("twitter:205").orElseThrow();
        assertThat(first.author()).isEqualTo(new Mention.Author("7", "alice", "Name alice", 1200, true));
        assertThat(first.url()).isEqualTo("https://twitter.com/alice/status/205");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-11-23T01:05:00Z"));
        assertThat(first.lang()).isEqualTo("en");
        assertThat(first.metrics()).isEqualTo(new Mention.Metrics(3, 7));
        assertThat(first.retweetOf()).isNull();
        assertThat(store.find("twitter:204").orElseThrow().retweetOf()).isEqualTo("150");
        assertThat(store.find("twitter:204").orElseThrow().author().verified()).isFalse();
        assertThat(store.find("twitter:203").orElseThrow().inReplyTo()).isEqualTo("190");

        // The next poll asks only for what is newer than the checkpoint.
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(), List.of(), null)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(poller.pollOnce()).isEqualTo(new XMentionPoller.Polled(1, 0, 0, "205"));
        assertThat(stub.requests("GET", "/2/users/").get(2).query()).containsEntry("since_id", "205");
    }

    @Test
    void aRestartResumesFromTheCheckpointAndRepeatsAreDeduped() {
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(tweet(301, 7, "one", null, null)),
                List.of(user(7, "alice", 1, false)), null)));
        XMentionPoller first = poller();
        assertThat(first.pollOnce()).isEqualTo(new XMentionPoller.Polled(1, 1, 1, "301"));
        first.release();

        // A new instance (another process) on the same namespace starts from since_id=301.
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(tweet(302, 7, "two", null, null),
                tweet(301, 7, "one", null, null)), List.of(user(7, "alice", 1, false)), null)));
        var outcome = poller().pollOnce();

        assertThat(stub.requests("GET", "/2/users/").get(1).query()).containsEntry("since_id", "301");
        assertThat(outcome).isEqualTo(new XMentionPoller.Polled(1, 2, 1, "302"));
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void aStoreFailureLeavesTheCheckpointWhereItWas() {
        AtomicInteger calls = new AtomicInteger();
        MentionStore failing = new MentionStore() {
            @Override
            public List<AcceptResult> acceptAll(List<Mention> mentions) {
                calls.incrementAndGet();
                throw new io.socialbot.mention.StoreUnavailableException("down", null);
            }

            @Override
            public java.util.Optional<Mention> find(String key) {
                return java.util.Optional.empty();
            }

            @Override
            public long count() {
                return 0;
            }
        };
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(tweet(401, 7, "x", null, null)),
                List.of(user(7, "alice", 1, false)), null)));
        var poller = new XMentionPoller(XClients.forPolling(props()), failing, redis, keys, props(), clock, meters,
                alerts::add);

        org.assertj.core.api.Assertions.assertThatThrownBy(poller::pollOnce)
                .isInstanceOf(io.socialbot.mention.StoreUnavailableException.class);
        assertThat(calls).hasValue(1);
        assertThat(redis.get(keys.key("x", "mentions", BRAND, "since_id"))).isNull();
    }

    @Test
    void waitsForTheResetWhenTheHeadersSayNoRequestsAreLeft() {
        long reset = T0.plusSeconds(120).getEpochSecond();
        stub.enqueue(XApiStub.MENTIONS, XApiStub.Answer.json(200, page(List.of(tweet(501, 7, "a", null, null)),
                        List.of(user(7, "alice", 1, false)), "more"))
                .withHeaders(XApiStub.rateLimit(450, 0, reset)));
        var poller = poller();

        assertThat(poller.pollOnce()).extracting(o -> ((XMentionPoller.BackingOff) o).until())
                .isEqualTo(Instant.ofEpochSecond(reset));
        clock.advance(Duration.ofSeconds(119));
        assertThat(poller.pollOnce()).isInstanceOf(XMentionPoller.BackingOff.class);
        assertThat(stub.requests("GET", "/2/users/")).hasSize(1);
        assertThat(redis.get(keys.key("x", "mentions", BRAND, "since_id"))).isNull();

        // After the reset it goes on from the saved page (a fresh instance: the progress lives in Redis).
        clock.advance(Duration.ofSeconds(1));
        poller.release();
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(tweet(500, 7, "b", null, null)),
                List.of(user(7, "alice", 1, false)), null)));
        assertThat(poller().pollOnce()).isEqualTo(new XMentionPoller.Polled(1, 1, 1, "501"));
        assertThat(stub.requests("GET", "/2/users/").get(1).query()).containsEntry("pagination_token", "more")
                .doesNotContainKey("since_id");
        assertThat(store.count()).isEqualTo(2);
        assertThat(redis.exists(keys.key("x", "mentions", BRAND, "paging"))).isFalse();
    }

    @Test
    void aStalePaginationTokenStartsOverFromTheCheckpoint() {
        redis.hset(keys.key("x", "mentions", BRAND, "paging"), Map.of("since", "", "newest", "900", "token", "old"));
        stub.enqueue(XApiStub.MENTIONS, XApiStub.Answer.json(400, "{\"title\":\"Invalid Request\","
                + "\"detail\":\"One or more parameters to your request was invalid.\",\"type\":\"about:blank\"}"));
        var poller = poller();

        assertThat(poller.pollOnce()).isInstanceOf(XMentionPoller.Failed.class);
        clock.advance(Duration.ofMinutes(1));
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(), List.of(), null)));
        assertThat(poller.pollOnce()).isInstanceOf(XMentionPoller.Polled.class);
        assertThat(stub.requests("GET", "/2/users/").get(1).query()).doesNotContainKey("pagination_token");
    }

    @Test
    void backsOffUntilTheResetOn429() {
        long reset = T0.plusSeconds(300).getEpochSecond();
        stub.enqueue(XApiStub.MENTIONS, XApiStub.Answer.json(429,
                        "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")
                .withHeaders(XApiStub.rateLimit(450, 0, reset)));
        var poller = poller();

        assertThat(poller.pollOnce()).isEqualTo(new XMentionPoller.Failed(429, Instant.ofEpochSecond(reset),
                "rate limited"));
        clock.advance(Duration.ofSeconds(299));
        assertThat(poller.pollOnce()).isEqualTo(new XMentionPoller.BackingOff(Instant.ofEpochSecond(reset),
                "rate limited (429)", 0));
        assertThat(stub.requests("GET", "/2/users/")).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(), List.of(), null)));
        assertThat(poller.pollOnce()).isInstanceOf(XMentionPoller.Polled.class);
    }

    @Test
    void backsOffExponentiallyOnNetworkErrors() throws Exception {
        var props = new XProperties(null, null, null, null, "b", BRAND, Duration.ofSeconds(10),
                "http://127.0.0.1:1/1.1/", "http://127.0.0.1:1/2/", 10, Duration.ofSeconds(5),
                Duration.ofSeconds(1), 3, Duration.ofMillis(1));
        var poller = new XMentionPoller(XClients.forPolling(props), store, redis, keys, props, clock, meters,
                alerts::add);

        var first = (XMentionPoller.Failed) poller.pollOnce();
        assertThat(first.retryAt()).isEqualTo(T0.plusSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        var second = (XMentionPoller.Failed) poller.pollOnce();
        assertThat(second.retryAt()).isEqualTo(T0.plusSeconds(10 + 20));
        clock.advance(Duration.ofSeconds(20));
        var third = (XMentionPoller.Failed) poller.pollOnce();
        assertThat(third.retryAt()).isEqualTo(T0.plusSeconds(30 + 40));
        assertThat(third.reason()).startsWith("network error");
    }

    @Test
    void onlyOneOfTwoPollersOnOneRedisPolls() {
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(), List.of(), null)))
                .enqueue(XApiStub.MENTIONS, ok(page(List.of(), List.of(), null)));
        XMentionPoller a = poller();
        XMentionPoller b = poller();

        assertThat(a.pollOnce()).isInstanceOf(XMentionPoller.Polled.class);
        assertThat(b.pollOnce()).isInstanceOf(XMentionPoller.NotLeader.class);
        assertThat(stub.requests("GET", "/2/users/")).hasSize(1);

        // The holder renews; once it gives the lease up (or dies and it lapses) the other takes over.
        assertThat(a.pollOnce()).isInstanceOf(XMentionPoller.Polled.class);
        assertThat(b.pollOnce()).isInstanceOf(XMentionPoller.NotLeader.class);
        a.release();
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(), List.of(), null)));
        assertThat(b.pollOnce()).isInstanceOf(XMentionPoller.Polled.class);
        assertThat(stub.requests("GET", "/2/users/")).hasSize(3);
    }

    @Test
    void aLeaseLapsesWhenItsHolderStopsRenewing() throws Exception {
        var lease = new RedisLease(redis, keys.key("lease"), Duration.ofMillis(150));
        var other = new RedisLease(redis, keys.key("lease"), Duration.ofMillis(150));
        assertThat(lease.acquireOrRenew()).isTrue();
        assertThat(other.acquireOrRenew()).isFalse();
        Thread.sleep(250);
        assertThat(other.acquireOrRenew()).isTrue();
        assertThat(lease.acquireOrRenew()).isFalse();
        other.release();
        lease.release();
        assertThat(redis.exists(keys.key("lease"))).isFalse();
    }
}
