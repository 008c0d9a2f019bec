package io.socialbot.prompt.redis;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.ModelBudget;
import io.socialbot.prompt.ModelProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** The model's per-minute cap, shared through Redis. */
@Configuration(proxyBeanMethods = false)
class ModelRedisConfiguration {

    @Bean
    ModelBudget modelBudget(UnifiedJedis redis, RedisKeys keys, ModelProperties properties, Clock clock) {
        return new RedisModelBudget(redis, keys, properties.callsPerMinute(), clock);
    }
}
