package io.socialbot.platform.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** The one Redis client of the process: an external Redis from {@code REDIS_URL}, or an embedded server. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "stop")
    EmbeddedRedisHolder embeddedRedis(RedisProperties properties) {
        if (!properties.embedded()) {
            return new EmbeddedRedisHolder(null);
        }
        EmbeddedRedis redis = EmbeddedRedis.start();
        log.info("No REDIS_URL set: started an embedded redis-server on 127.0.0.1:{} (data is not persisted)",
                redis.port());
        return new EmbeddedRedisHolder(redis);
    }

    @Bean(destroyMethod = "close")
    UnifiedJedis redis(RedisProperties properties, EmbeddedRedisHolder embedded) {
        String url = embedded.redis() != null ? embedded.redis().url() : properties.url();
        if (embedded.redis() == null) {
            log.info("Using external Redis at {}", RedisUrls.redact(url));
        }
        return RedisClients.connect(url, properties);
    }

    @Bean
    RedisHealthIndicator redisHealthIndicator(UnifiedJedis redis, RedisProperties properties) {
        return new RedisHealthIndicator(redis, properties.embedded());
    }

    @Bean
    RedisKeys redisKeys(RedisProperties properties) {
        return new RedisKeys(properties.namespace());
    }

    /** Holds the embedded server, if any, so that it stops after the client closes. */
    record EmbeddedRedisHolder(EmbeddedRedis redis) {
        void stop() {
            if (redis != null) {
                redis.stop();
            }
        }
    }

}
