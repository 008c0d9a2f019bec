package io.socialbot.stats;

import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.stats.micrometer.StatsMeterBinder;
import io.socialbot.stats.redis.RedisCaseTimelineStore;
import io.socialbot.stats.slack.StatsSlackListeners;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** Wires the timeline store, the report service, {@code /stats} and the metrics. */
@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

    @Bean
    RedisCaseTimelineStore caseTimelineStore(UnifiedJedis redis, RedisKeys keys, StatsProperties properties) {
        return new RedisCaseTimelineStore(redis, keys, properties.retention());
    }

    @Bean
    StatsService statsService(CaseTimelineStore store, StatsProperties properties, ObjectProvider<Clock> clock) {
        return new StatsService(store, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    StatsSlackListeners statsSlackListeners(StatsService stats, AccessPolicy access) {
        return new StatsSlackListeners(stats, access);
    }

    @Bean
    StatsMeterBinder statsMeterBinder(StatsService stats, StatsProperties properties) {
        return new StatsMeterBinder(stats, properties.metricsRefresh());
    }
}
