package io.socialbot.incident.redis;

import io.socialbot.incident.BroadcastQueue;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * The broadcast queue: a set per update of cases ever queued (so a second click queues nothing), a sorted set of
 * pending items by sequence number, a sorted set of reserved post times for pacing, and a hash of outcomes per update.
 */
public final class RedisBroadcastQueue implements BroadcastQueue {

    private static final RedisScript ENQUEUE = new RedisScript("""
            if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
            local seq = redis.call('INCR', KEYS[3])
            redis.call('ZADD', KEYS[2], seq, ARGV[2])
            return 1
            """);
    /** KEYS: pending, sent. ARGV: limit, window start ms, now ms, forget-before ms. */
    private static final RedisScript TAKE = new RedisScript("""
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
            local allowed = tonumber(ARGV[1]) - redis.call('ZCOUNT', KEYS[2], ARGV[2], '+inf')
            if allowed <= 0 then return {} end
            local items = redis.call('ZRANGE', KEYS[1], 0, allowed - 1)
            for _, m in ipairs(items) do
              redis.call('ZREM', KEYS[1], m)
              redis.call('ZADD', KEYS[2], ARGV[3], m)
            end
            return items
            """);
    private static final char SEP = '\u001f';

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public RedisBroadcastQueue(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean enqueue(Item item) {
        Object r = ENQUEUE.run(redis, List.of(keys.key("incident", "bq", "seen", item.updateId()), pending(),
                keys.key("incident", "bq", "seq")), List.of(item.caseKey(), member(item)));
        return Long.valueOf(1).equals(r);
    }

    @Override
    public List<Item> take(int limit, Instant windowStart, Instant now) {
        // reservations older than a day can no longer count against any window
        Object r = TAKE.run(redis, List.of(pending(), sent()), List.of(String.valueOf(limit),
                String.valueOf(windowStart.toEpochMilli()), String.valueOf(now.toEpochMilli()),
                String.valueOf(windowStart.toEpochMilli() - 86_400_000L)));
        List<Item> out = new ArrayList<>();
        for (Object o : (List<?>) r) {
            String m = o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : o.toString();
            int i = m.indexOf(SEP);
            out.add(new Item(m.substring(0, i), m.substring(i + 1)));
        }
        return out;
    }

    @Override
    public void release(Item item) {
        redis.zrem(sent(), member(item));
    }

    @Override
    public void requeue(Item item) {
        release(item);
        var first = redis.zrangeWithScores(pending(), 0, 0);
        double front = first.isEmpty() ? 0 : first.get(0).getScore() - 1;
        redis.zadd(pending(), front, member(item));
    }

    @Override
    public int queued() {
        return (int) redis.zcard(pending());
    }

    @Override
    public void recordOutcome(Item item, String outcome) {
        redis.hset(keys.key("incident", "bq", "out", item.updateId()), item.caseKey(), outcome);
    }

    @Override
    public Map<String, String> outcomes(String updateId) {
        return redis.hgetAll(keys.key("incident", "bq", "out", updateId));
    }

    private String pending() {
        return keys.key("incident", "bq", "pending");
    }

    private String sent() {
        return keys.key("incident", "bq", "sent");
    }

    private static String member(Item item) {
        return item.updateId() + SEP + item.caseKey();
    }
}
