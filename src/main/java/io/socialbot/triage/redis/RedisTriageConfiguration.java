package io.socialbot.triage.redis;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisProperties;
import io.socialbot.triage.ClusterIndex;
import io.socialbot.triage.MentionTimeTriage;
import io.socialbot.triage.RateGuard;
import io.socialbot.triage.TriageProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import redis.clients.jedis.UnifiedJedis;

/** Triage's shared state on Redis: decisions, clusters, rate guards, sentiment labels (here so the core imports no Jedis). */
@Configuration(proxyBeanMethods = false)
class RedisTriageConfiguration {

    @Bean
    RedisDecisionStore decisionStore(UnifiedJedis redis, RedisKeys keys) {
        return new RedisDecisionStore(redis, keys);
    }

    @Bean
    RedisSentimentLabels sentimentLabels(UnifiedJedis redis, RedisKeys keys) {
        return new RedisSentimentLabels(redis, keys);
    }

    @Bean
    ClusterIndex triageClusterIndex(UnifiedJedis redis, RedisKeys keys, TriageProperties properties) {
        return new RedisClusterIndex(redis, keys, properties.clusters().ttl());
    }

    /**
     * Posts per channel at Slack's pace, on the wall clock and shared by every replica; except in a dry run on the
     * bot's own embedded Redis (no Slack token, no shared store): nothing there is ever delivered, so the guard
     * follows the mentions' clock, as {@code replay --dry-run} does, and the printed posts keep up with triage.
     * A token-less process on a shared Redis keeps the wall-clock guard: the bots with a token deliver its cases.
     */
    @Bean
    RateGuard triageRateGuard(UnifiedJedis redis, RedisKeys keys, TriageProperties properties,
                              ObjectProvider<Clock> clock, RedisProperties store, Environment environment) {
        boolean nobodyDelivers = store.embedded()
                && environment.getProperty("socialbot.slack.bot-token", "").isBlank();
        if (nobodyDelivers) {
            return MentionTimeTriage.onMentionClock(properties.rateGuard());
        }
        return new RedisRateGuard(redis, keys, clock.getIfAvailable(Clock::systemUTC), properties.rateGuard(),
                properties.clusters().ttl());
    }
}
