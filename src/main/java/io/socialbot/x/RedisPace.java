package io.socialbot.x;

import io.socialbot.platform.redis.RedisScript;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * When X may next be asked, shared by every replica through Redis: a rate-limit reset or a backoff only ever
 * moves later, so no replica asks early or shortens another's wait; the failure count survives a lease change.
 */
final class RedisPace {

    // Never shorten: a later not_before stays; the reason goes with whichever wait wins.
    private static final RedisScript WAIT = new RedisScript("""
            local current = tonumber(redis.call('HGET', KEYS[1], 'not_before') or '0')
            if tonumber(ARGV[1]) > current then
              redis.call('HSET', KEYS[1], 'not_before', ARGV[1], 'reason', ARGV[2])
            end
            return redis.call('HGET', KEYS[1], 'not_before')""");

    private final UnifiedJedis redis;
    private final String key;

    RedisPace(UnifiedJedis redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    /** The current wait: not before {@code until}, because of {@code reason} (EPOCH and "" when none was set). */
    record Wait(Instant until, String reason, int failures) {
        boolean holds(Instant now) {
            return now.isBefore(until);
        }
    }

    Wait current() {
        Map<String, String> h = redis.hgetAll(key);
        String notBefore = h.get("not_before");
        return new Wait(notBefore == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(notBefore)),
                h.getOrDefault("reason", ""), Integer.parseInt(h.getOrDefault("failures", "0")));
    }

    /** Waits until {@code until} unless a later wait is already set; returns the wait that now holds. */
    Instant waitUntil(Instant until, String reason) {
        Object result = WAIT.run(redis, List.of(key), List.of(Long.toString(until.toEpochMilli()), reason));
        return Instant.ofEpochMilli(Long.parseLong(String.valueOf(result)));
    }

    /** Counts one more failure in a row (for exponential backoff) and returns the count. */
    int failed() {
        return (int) redis.hincrBy(key, "failures", 1);
    }

    /** A success ends the failure streak; a wait that was set stays. */
    void succeeded() {
        redis.hdel(key, "failures");
    }
}
