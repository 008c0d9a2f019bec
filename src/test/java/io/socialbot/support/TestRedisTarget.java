package io.socialbot.support;

import io.socialbot.platform.redis.RedisClients;
import io.socialbot.platform.redis.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/** A Redis that tests run on, a fresh key namespace per test: the embedded server or a three-master cluster. */
public interface TestRedisTarget {

    /** The URL a replica is given: {@code redis://} for the server, {@code redis-cluster://} for the cluster. */
    String url();

    /** One client, shared by the tests. */
    UnifiedJedis client();

    /** A namespace no other test uses. */
    RedisKeys freshKeys();

    /** A client of its own, as another replica has; the caller closes it. */
    default UnifiedJedis connect() {
        return RedisClients.connect(url(), TestRedis.properties());
    }
}
