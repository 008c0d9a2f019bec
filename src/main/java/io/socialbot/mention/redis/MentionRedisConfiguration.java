package io.socialbot.mention.redis;

import io.socialbot.platform.redis.RedisKeys;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** The mention store and the triage queue, both on Redis. */
@Configuration(proxyBeanMethods = false)
class MentionRedisConfiguration {

    @Bean
    RedisMentionStore mentionStore(UnifiedJedis redis, RedisKeys keys, Clock clock) {
        return new RedisMentionStore(redis, keys, clock);
    }

    @Bean
    RedisMentionQueue mentionQueue(UnifiedJedis redis, RedisKeys keys) {
        // A consumer name unique to this process: a restarted replica must not inherit a dead one's entries
        // by name, only through reclaim.
        String consumer = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new RedisMentionQueue(redis, keys, consumer);
    }
}
