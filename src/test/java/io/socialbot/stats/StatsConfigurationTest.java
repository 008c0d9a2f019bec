package io.socialbot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.slack.SlackListeners;
import io.socialbot.stats.micrometer.StatsMeterBinder;
import io.socialbot.support.TestRedis;
import io.socialbot.support.Wiring;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import redis.clients.jedis.UnifiedJedis;

class StatsConfigurationTest {

    @EnableConfigurationProperties(StatsProperties.class)
    static class Props {
    }

    private final ApplicationContextRunner runner = Wiring.withClockAndScheduler(new ApplicationContextRunner(),
                    java.time.Clock.systemUTC())
            .withInitializer(Wiring.configurationsUnder("io.socialbot.stats"))
            .withUserConfiguration(Props.class)
            .withBean(UnifiedJedis.class, TestRedis::client, b -> b.setDestroyMethodName(""))
            .withBean(RedisKeys.class, TestRedis::freshKeys)
            .withBean(AccessPolicy.class, () -> new AccessPolicy(Set.of(), Set.of(), Set.of(), true));

    @Test
    void wiresTheStoreServiceSlackListenersAndMetrics() {
        runner.withPropertyValues("socialbot.stats.zone=America/New_York",
                "socialbot.stats.first-reply-sla.P1=5m").run(ctx -> {
                    assertThat(ctx).hasSingleBean(CaseTimelineStore.class).hasSingleBean(StatsService.class)
                            .hasSingleBean(StatsMeterBinder.class);
                    assertThat(ctx.getBean(SlackListeners.class).commands()).containsExactly("/stats");
                    StatsProperties p = ctx.getBean(StatsProperties.class);
                    assertThat(p.zone()).isEqualTo(ZoneId.of("America/New_York"));
                    assertThat(p.sla(Priority.P1)).isEqualTo(Duration.ofMinutes(5));
                    assertThat(p.sla(Priority.P2)).isEqualTo(Duration.ofHours(1));
                });
    }

    @Test
    void theShippedYamlBindsToTheDocumentedDefaults() throws Exception {
        var sources = new org.springframework.boot.env.YamlPropertySourceLoader()
                .load("stats", new org.springframework.core.io.ClassPathResource("config/stats.yml"));
        var binder = new org.springframework.boot.context.properties.bind.Binder(
                org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(sources.get(0)));
        StatsProperties p = binder.bindOrCreate("socialbot.stats", StatsProperties.class);
        assertThat(p.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(p.firstReplySla()).isEqualTo(StatsProperties.DEFAULT_SLA);
        assertThat(p.metricsRefresh()).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.retention()).isEqualTo(Duration.ofDays(120));
    }

    @Test
    void refusesARetentionShorterThanTheLongestWindow() {
        runner.withPropertyValues("socialbot.stats.retention=30d").run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void refusesANonPositiveSla() {
        runner.withPropertyValues("socialbot.stats.first-reply-sla.P3=0s")
                .run(ctx -> assertThat(ctx).hasFailed());
    }
}
