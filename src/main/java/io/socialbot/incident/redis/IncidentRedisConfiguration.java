package io.socialbot.incident.redis;

import io.socialbot.incident.IncidentProperties;
import io.socialbot.platform.redis.RedisKeys;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Incidents' state on Redis: the incident store, digest counts, hourly slot claims, the broadcast queue and the
 * incident page's link generations.
 */
@Configuration(proxyBeanMethods = false)
class IncidentRedisConfiguration {

    @Bean
    RedisIncidentStore incidentStore(UnifiedJedis redis, RedisKeys keys) {
        return new RedisIncidentStore(redis, keys);
    }

    @Bean
    RedisDigestCounts digestCounts(UnifiedJedis redis, RedisKeys keys, IncidentProperties properties) {
        return new RedisDigestCounts(redis, keys, properties.retention());
    }

    @Bean
    RedisSlotClaims digestSlotClaims(UnifiedJedis redis, RedisKeys keys) {
        return new RedisSlotClaims(redis, keys, "replica-" + UUID.randomUUID());
    }

    @Bean
    RedisPageLinkGenerations pageLinkGenerations(UnifiedJedis redis, RedisKeys keys) {
        return new RedisPageLinkGenerations(redis, keys);
    }

    @Bean
    RedisBroadcastQueue broadcastQueue(UnifiedJedis redis, RedisKeys keys) {
        return new RedisBroadcastQueue(redis, keys);
    }
}
