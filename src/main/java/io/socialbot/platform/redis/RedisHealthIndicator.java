package io.socialbot.platform.redis;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import redis.clients.jedis.UnifiedJedis;

/** DOWN when Redis does not answer PING: the webhook then answers 503 and readiness fails. */
final class RedisHealthIndicator implements HealthIndicator {

    private final UnifiedJedis redis;
    private final boolean embedded;

    RedisHealthIndicator(UnifiedJedis redis, boolean embedded) {
        this.redis = redis;
        this.embedded = embedded;
    }

    @Override
    public Health health() {
        try {
            long started = System.nanoTime();
            String pong = redis.ping();
            return Health.up()
                    .withDetail("reply", pong)
                    .withDetail("latencyMs", (System.nanoTime() - started) / 1_000_000.0)
                    .withDetail("embedded", embedded)
                    .build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).withDetail("embedded", embedded).build();
        }
    }
}
