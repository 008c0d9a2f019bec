package io.socialbot.casework.redis;

import io.socialbot.platform.redis.RedisKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** Cases and their outbox on Redis: claims, the queue and deliveries, each changed in one atomic script. */
@Configuration(proxyBeanMethods = false)
class CaseRedisConfiguration {

    @Bean
    RedisCaseStore caseStore(UnifiedJedis redis, RedisKeys keys) {
        return new RedisCaseStore(redis, keys);
    }

    @Bean
    RedisApprovalStore approvalStore(UnifiedJedis redis, RedisKeys keys) {
        return new RedisApprovalStore(redis, keys);
    }

    @Bean
    RedisCaseOutbox caseOutbox(UnifiedJedis redis, RedisKeys keys) {
        return new RedisCaseOutbox(redis, keys);
    }
}
