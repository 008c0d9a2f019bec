package io.socialbot.support;

import io.socialbot.platform.redis.EmbeddedRedis;
import io.socialbot.platform.redis.RedisClients;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisProperties;
import java.time.Duration;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * One real embedded redis-server per test JVM. Tests isolate themselves with a fresh key namespace
 * ({@link #freshKeys()}) rather than FLUSHALL, so they may run side by side.
 */
public final class TestRedis {

    private static final TestRedisTarget SERVER = new TestRedisTarget() {
        @Override
        public String url() {
            return TestRedis.url();
        }

        @Override
        public UnifiedJedis client() {
            return TestRedis.client();
        }

        @Override
        public RedisKeys freshKeys() {
            return TestRedis.freshKeys();
        }
    };

    private static EmbeddedRedis server;
    private static UnifiedJedis client;
    private static volatile String offLimits;

    private TestRedis() {
    }

    /** The embedded server as a target, for tests that also run on a cluster ({@code RedisClusterTest}). */
    public static TestRedisTarget server() {
        return SERVER;
    }

    /**
     * While {@code why} is set, reaching the embedded server fails: a test rerun on a cluster that still took this
     * server (a client made by hand, not from its target) would otherwise pass without the cluster. Null lifts it.
     */
    public static void offLimits(String why) {
        offLimits = why;
    }

    public static synchronized String url() {
        if (offLimits != null) {
            throw new IllegalStateException(offLimits);
        }
        if (server == null) {
            server = EmbeddedRedis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-redis-stop"));
        }
        return server.url();
    }

    public static synchronized UnifiedJedis client() {
        String url = url();
        if (client == null) {
            client = RedisClients.connect(url, properties());
        }
        return client;
    }

    /** A namespace no other test uses. */
    public static RedisKeys freshKeys() {
        return new RedisKeys("t" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static RedisProperties properties() {
        return new RedisProperties(null, "sb", Duration.ofSeconds(2), 32);
    }
}
