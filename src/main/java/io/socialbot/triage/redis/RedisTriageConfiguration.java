package io.socialbot.triage.redis;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.triage.ClusterIndex;
import io.socialbot.triage.RateGuard;
import io.socialbot.triage.TriageProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** Triage's shared state on Redis: decisions, clusters and per-channel rate guards (here so the core imports no Jedis). */
@Configuration(proxyBeanMethods = false)
class RedisTriageConfiguration {

    @Bean
    RedisDecisionStore decisionStore(UnifiedJedis redis, RedisKeys keys) {
        return new RedisDecisionStore(redis, keys);
    }

    @Bean
    ClusterIndex triageClusterIndex(UnifiedJedis redis, RedisKeys keys, TriageProperties properties) {
        return new RedisClusterIndex(redis, keys, properties.clusters().ttl());
    }

    @Bean
    RateGuard triageRateGuard(UnifiedJedis redis, RedisKeys keys, TriageProperties properties,
                              ObjectProvider<Clock> clock) {
        return new RedisRateGuard(redis, keys, clock.getIfAvailable(Clock::systemUTC), properties.rateGuard(),
                properties.clusters().ttl());
    }
}
