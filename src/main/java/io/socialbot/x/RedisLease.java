package io.socialbot.x;

import io.socialbot.platform.redis.RedisScript;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** A Redis lease so that one replica at a time does a job; it lapses by itself if the holder dies. */
final class RedisLease {

    // Compare-and-renew: only the holder may extend, so a paused old holder cannot steal it back.
    private static final RedisScript RENEW = new RedisScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0""");
    private static final RedisScript RELEASE = new RedisScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""");

    private final UnifiedJedis redis;
    private final String key;
    private final Duration ttl;
    private final String owner = UUID.randomUUID().toString();

    RedisLease(UnifiedJedis redis, String key, Duration ttl) {
        this.redis = redis;
        this.key = key;
        this.ttl = ttl;
    }

    /** Takes the lease if free, renews it if already held; false when another holder has it. */
    boolean acquireOrRenew() {
        Object renewed = RENEW.run(redis, List.of(key), List.of(owner, Long.toString(ttl.toMillis())));
        if (renewed instanceof Long n && n == 1L) {
            return true;
        }
        return "OK".equals(redis.set(key, owner, SetParams.setParams().nx().px(ttl.toMillis())));
    }

    void release() {
        RELEASE.run(redis, List.of(key), List.of(owner));
    }

    String owner() {
        return owner;
    }
}
