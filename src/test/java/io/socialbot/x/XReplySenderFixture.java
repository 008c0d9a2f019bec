package io.socialbot.x;

import io.socialbot.support.MutableClock;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import redis.clients.jedis.UnifiedJedis;

/** One X stand-in, the embedded Redis and a sender on them, for the reply sender's tests. */
abstract class XReplySenderFixture {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    XApiStub stub;
    UnifiedJedis redis = testRedis().client();
    RedisKeys keys = testRedis().freshKeys();
    MutableClock clock = new MutableClock(T0);
    List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        stub = new XApiStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    XProperties props(String restBase, String v2Base) {
        return new XProperties("key", "key-secret", "token", "token-secret", null, "1000", Duration.ofSeconds(1),
                restBase, v2Base, 100, Duration.ofSeconds(5), Duration.ofMillis(1500), 3, Duration.ofMillis(100));
    }

    XReplySender sender() {
        return sender(props(stub.restBaseUrl(), stub.v2BaseUrl()));
    }

    XReplySender sender(XProperties p) {
        var x = XClients.forPosting(p);
        return new XReplySender(x, new RedisReplyLedger(redis, keys, Duration.ofDays(1)),
                new RedisPace(redis, keys.key("x", "posting", "pace")), new XReplyCheck(x, 1000L), clock,
                p.sendRetry(), pauses::add);
    }

    static XApiStub.Answer created(long id, String text) {
        return XApiStub.Answer.json(201, "{\"data\":{\"id\":\"" + id + "\",\"text\":\"" + text + "\","
                + "\"edit_history_tweet_ids\":[\"" + id + "\"]}}");
    }

    static XApiStub.Answer problem(int status, String title, String detail) {
        return XApiStub.Answer.json(status, "{\"title\":\"" + title + "\",\"type\":\"about:blank\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}");
    }

    int posts() {
        return stub.requests("POST", "/2/tweets").size();
    }
}
