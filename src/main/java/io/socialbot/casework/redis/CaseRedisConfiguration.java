package io.socialbot.casework.redis;

import io.socialbot.platform.redis.RedisKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** Cases on Redis: claims, the queue and unposted cases, each changed in one atomic script. */
@Configuration(proxyBeanMethods = false)
class CaseRedisConfiguration {

    @Bean
    RedisCaseStore caseStore(UnifiedJedis redis, RedisKeys keys) {
        return new RedisCaseStore(redis, keys);
    }
}
