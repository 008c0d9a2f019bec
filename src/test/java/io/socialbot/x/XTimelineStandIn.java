package io.socialbot.x;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import redis.clients.jedis.UnifiedJedis;

/** What the poller tests against X's stand-in share: the stand-in, a fresh Redis namespace, a clock, meters, alerts. */
abstract class XTimelineStandIn {

    static final String BRAND = "1000";
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    XApiStub stub;
    final UnifiedJedis redis = TestRedis.client();
    final RedisKeys keys = TestRedis.freshKeys();
    final MentionStore store = new RedisMentionStore(redis, keys);
    final MutableClock clock = new MutableClock(T0);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<String> alerts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStandIn() throws Exception {
        stub = new XApiStub();
    }

    @AfterEach
    void stopStandIn() {
        stub.close();
    }

    XProperties props(String v2) {
        return new XProperties(null, null, null, null, "bearer-secret", BRAND, Duration.ofSeconds(1),
                stub.restBaseUrl(), v2, 100, Duration.ofSeconds(5), Duration.ofSeconds(2), 3, Duration.ofMillis(1));
    }

    XMentionPoller poller() {
        return poller(stub.v2BaseUrl());
    }

    XMentionPoller poller(String v2) {
        return new XMentionPoller(XClients.forPolling(props(v2)), store, redis, keys, props(v2), clock, meters,
                alerts::add);
    }
}
