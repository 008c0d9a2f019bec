package io.socialbot.platform.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Redis is: empty {@code url} starts the embedded server; {@code redis://}, {@code rediss://} name one
 * server; {@code redis-cluster://host:port,host:port} a cluster.
 */
@ConfigurationProperties("socialbot.redis")
public record RedisProperties(
        String url,
        @DefaultValue("sb") String namespace,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("16") int maxConnections) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
