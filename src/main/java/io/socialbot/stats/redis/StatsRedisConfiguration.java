package io.socialbot.stats.redis;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.stats.StatsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** Case timelines on Redis, kept for {@code socialbot.stats.retention}. */
@Configuration(proxyBeanMethods = false)
class StatsRedisConfiguration {

    @Bean
    RedisCaseTimelineStore caseTimelineStore(UnifiedJedis redis, RedisKeys keys, StatsProperties properties) {
        return new RedisCaseTimelineStore(redis, keys, properties.retention());
    }
}
