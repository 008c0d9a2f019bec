package io.socialbot.incident.redis;

import io.socialbot.incident.PageLinkGenerations;
import io.socialbot.platform.redis.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/** Page-link generations as one Redis counter per incident ({@code INCR} on revoke), shared by every replica. */
public final class RedisPageLinkGenerations implements PageLinkGenerations {

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public RedisPageLinkGenerations(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public long current(String incident) {
        String value = redis.get(key(incident));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public long revoke(String incident) {
        return redis.incr(key(incident));
    }

    private String key(String incident) {
        return keys.key("incident", "page-generation", incident);
    }
}
