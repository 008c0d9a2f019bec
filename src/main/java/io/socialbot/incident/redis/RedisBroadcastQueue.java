package io.socialbot.incident.redis;

import io.socialbot.incident.BroadcastQueue;
import io.socialbot.platform.redis.RedisKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * The broadcast queue: a set per update of cases ever queued (so a second click queues nothing), a sorted set of
 * pending items by sequence number, a sorted set of send times for pacing, and a hash of outcomes per update.
 */
public final class RedisBroadcastQueue implements BroadcastQueue {

    private static final String ENQUEUE = """
            if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
            local seq = redis.call('INCR', KEYS[3])
            redis.call('ZADD', KEYS[2], seq, ARGV[2])
            return 1
            """;
    private static final char SEP = '\u001f';

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public RedisBroadcastQueue(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean enqueue(Item item) {
        Object r = redis.eval(ENQUEUE, List.of(keys.key("incident", "bq", "seen", item.updateId()), pending(),
                keys.key("incident", "bq", "seq")), List.of(item.caseKey(), member(item)));
        return Long.valueOf(1).equals(r);
    }

    @Override
    public void requeue(Item item) {
        var first = redis.zrangeWithScores(pending(), 0, 0);
        double front = first.isEmpty() ? 0 : first.get(0).getScore() - 1;
        redis.zadd(pending(), front, member(item));
    }

    @Override
    public List<Item> take(int max) {
        List<Item> out = new ArrayList<>();
        if (max <= 0) {
            return out;
        }
        for (String m : redis.zrange(pending(), 0, max - 1)) {
            if (redis.zrem(pending(), m) == 1) { // only the replica that removes it sends it
                int i = m.indexOf(SEP);
                out.add(new Item(m.substring(0, i), m.substring(i + 1)));
            }
        }
        return out;
    }

    @Override
    public int queued() {
        return (int) redis.zcard(pending());
    }

    @Override
    public void recordSent(Item item, Instant at, String outcome, boolean attempted) {
        if (attempted) {
            redis.zadd(keys.key("incident", "bq", "sent"), at.toEpochMilli(), item.requestId());
        }
        redis.hset(keys.key("incident", "bq", "out", item.updateId()), item.caseKey(), outcome);
    }

    @Override
    public long sentSince(Instant since) {
        String sent = keys.key("incident", "bq", "sent");
        redis.zremrangeByScore(sent, Double.NEGATIVE_INFINITY, since.toEpochMilli() - 86_400_000d);
        return redis.zcount(sent, since.toEpochMilli(), Double.POSITIVE_INFINITY);
    }

    @Override
    public Map<String, String> outcomes(String updateId) {
        return redis.hgetAll(keys.key("incident", "bq", "out", updateId));
    }

    private String pending() {
        return keys.key("incident", "bq", "pending");
    }

    private static String member(Item item) {
        return item.updateId() + SEP + item.caseKey();
    }
}
