package io.socialbot.incident.redis;

import io.socialbot.incident.SlotClaims;
import io.socialbot.platform.redis.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** Slot claims as {@code SET NX PX} keys; a done slot is a separate key kept for a week. */
public final class RedisSlotClaims implements SlotClaims {

    private static final long DONE_SECONDS = Duration.ofDays(7).toSeconds();

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final String owner;

    /** @param owner this replica's id, stored in the claim for operators reading Redis */
    public RedisSlotClaims(UnifiedJedis redis, RedisKeys keys, String owner) {
        this.redis = redis;
        this.keys = keys;
        this.owner = owner;
    }

    @Override
    public boolean isDone(String incident, Instant slot) {
        return redis.exists(key(incident, slot, "done"));
    }

    @Override
    public boolean claim(String incident, Instant slot, Duration ttl) {
        return "OK".equals(redis.set(key(incident, slot, "claim"), owner,
                SetParams.setParams().nx().px(ttl.toMillis()))) && !isDone(incident, slot);
    }

    @Override
    public void markDone(String incident, Instant slot) {
        redis.setex(key(incident, slot, "done"), DONE_SECONDS, owner);
    }

    @Override
    public void release(String incident, Instant slot) {
        redis.del(key(incident, slot, "claim"));
    }

    private String key(String incident, Instant slot, String part) {
        return keys.key("incident", "slot", incident, String.valueOf(slot.getEpochSecond()), part);
    }
}
