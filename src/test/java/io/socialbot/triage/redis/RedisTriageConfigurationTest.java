package io.socialbot.triage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.platform.redis.RedisClients;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisProperties;
import io.socialbot.support.TestRedis;
import io.socialbot.triage.ClusterIndex;
import io.socialbot.triage.RateGuard;
import io.socialbot.triage.TriageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

class RedisTriageConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TriageProperties.class, RedisProperties.class})
    static class Settings {
    }

    ApplicationContextRunner runner(RedisKeys keys) {
        return new ApplicationContextRunner()
                .withUserConfiguration(Settings.class, RedisTriageConfiguration.class)
                // a client of its own: the context closes its UnifiedJedis bean, the shared one must stay open
                .withBean(UnifiedJedis.class, () -> RedisClients.connect(TestRedis.url(), TestRedis.properties()))
                .withBean(RedisKeys.class, () -> keys);
    }

    @Test
    void aDryRunOnItsOwnRedisRoutesOnTheMentionsClockWhileAnyBotThatMayDeliverKeepsSlacksPace() {
        RedisKeys keys = TestRedis.freshKeys();
        runner(keys).withPropertyValues("socialbot.redis.url=", "socialbot.slack.bot-token=").run(ctx -> {
            RateGuard guard = ctx.getBean(RateGuard.class);
            assertThat(guard).isNotInstanceOf(RedisRateGuard.class);
            for (int i = 0; i < 50; i++) { // fifty posts a second apart on the day: none held back
                assertThat(guard.tryAcquire("#care-urgent", java.time.Instant.EPOCH.plusSeconds(i))).isTrue();
            }
        });
        runner(keys).withPropertyValues("socialbot.redis.url=", "socialbot.slack.bot-token=xoxb-t")
                .run(ctx -> assertThat(ctx.getBean(RateGuard.class)).isInstanceOf(RedisRateGuard.class));
        runner(keys).withPropertyValues("socialbot.redis.url=" + TestRedis.url(), "socialbot.slack.bot-token=")
                .run(ctx -> assertThat(ctx.getBean(RateGuard.class)).isInstanceOf(RedisRateGuard.class));
    }

    @Test
    void providesTheRedisClusterIndexAndRateGuard() {
        RedisKeys keys = TestRedis.freshKeys();
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class, RedisTriageConfiguration.class)
                .withPropertyValues("socialbot.redis.url=" + TestRedis.url())
                // a client of its own: the context closes its UnifiedJedis bean, the shared one must stay open
                .withBean(UnifiedJedis.class, () -> RedisClients.connect(TestRedis.url(), TestRedis.properties()))
                .withBean(RedisKeys.class, () -> keys)
                .run(ctx -> {
                    assertThat(ctx.getBean(ClusterIndex.class)).isInstanceOf(RedisClusterIndex.class);
                    RateGuard guard = ctx.getBean(RateGuard.class);
                    assertThat(guard).isInstanceOf(RedisRateGuard.class);
                    assertThat(guard.tryAcquire("#care-queue")).isTrue();
                    assertThat(TestRedis.client().exists(keys.key("tg", "rate", "#care-queue"))).isTrue();
                });
    }
}
