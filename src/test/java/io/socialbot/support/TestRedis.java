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

    private static EmbeddedRedis server;
    private static UnifiedJedis client;

    private TestRedis() {
    }

    public static synchronized String url() {
        if (server == null) {
            server = EmbeddedRedis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-redis-stop"));
        }
        return server.url();
    }

    public static synchronized UnifiedJedis client() {
        if (client == null) {
            client = RedisClients.connect(url(), properties());
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
