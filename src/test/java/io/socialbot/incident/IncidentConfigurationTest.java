package io.socialbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.CaseReplies;
import io.socialbot.casework.CurrentIncident;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.slack.SlackListeners;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.stats.StatsProperties;
import io.socialbot.stats.StatsService;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.support.TestRedis;
import io.socialbot.support.Wiring;
import io.socialbot.triage.DecisionListener;
import io.socialbot.triage.DecisionStore;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import redis.clients.jedis.UnifiedJedis;

class IncidentConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IncidentProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = Wiring.withClockAndScheduler(new ApplicationContextRunner(),
                    java.time.Clock.systemUTC())
            .withInitializer(Wiring.configurationsUnder("io.socialbot.incident"))
            .withInitializer(ctx -> {
                try {
                    new YamlPropertySourceLoader().load("incident", new ClassPathResource("config/incident.yml"))
                            .forEach(ctx.getEnvironment().getPropertySources()::addLast);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })
            .withUserConfiguration(Properties.class)
            .withBean(UnifiedJedis.class, TestRedis::client, b -> b.setDestroyMethodName(""))
            .withBean(RedisKeys.class, TestRedis::freshKeys)
            .withBean(PromptTemplates.class, () -> new PromptTemplates(null))
            .withBean(CaseTimelineStore.class, InMemoryCaseTimelineStore::new)
            .withBean(StatsService.class, () -> new StatsService(new InMemoryCaseTimelineStore(),
                    StatsProperties.defaults(), java.time.Clock.systemUTC()))
            .withBean(io.socialbot.casework.ReplyLength.class, io.socialbot.casework.twittertext.TwitterTextLength::new)
            .withBean(DecisionStore.class, InMemoryDecisionStore::new)
            .withBean(io.socialbot.triage.SentimentLabels.class, io.socialbot.triage.InMemorySentimentLabels::new)
            .withBean(io.socialbot.casework.CaseStore.class,
                    () -> new io.socialbot.casework.redis.RedisCaseStore(TestRedis.client(), TestRedis.freshKeys()))
            .withBean(CaseReplies.class, InMemoryCaseReplies::new)
            .withBean(AccessPolicy.class, () -> new AccessPolicy(Set.of(), Set.of(), Set.of(), true));

    @Test
    void wiresTheCapabilityFromItsYaml() {
        runner.withBean(StatsProperties.class, () -> new StatsProperties(ZoneId.of("Europe/Amsterdam"), null,
                Duration.ofMinutes(1), Duration.ofDays(120))).withPropertyValues("socialbot.stats.zone=Europe/Amsterdam")
                .run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).hasSingleBean(IncidentStore.class).hasSingleBean(CurrentIncident.class)
                    .hasSingleBean(DecisionListener.class).hasSingleBean(SlackListeners.class)
                    .hasSingleBean(DigestScheduler.class).hasSingleBean(UpdateBroadcast.class);
            var p = ctx.getBean(IncidentProperties.class);
            assertThat(p.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
            assertThat(p.replyLimit()).isEqualTo(100);
            assertThat(p.replyWindow()).isEqualTo(Duration.ofMinutes(15));
            assertThat(ctx.getBean(SlackListeners.class).commands()).containsExactly("/incident", "/digest");
            assertThat(ctx).hasSingleBean(CaseLinks.class);
        });
    }

    @Test
    void aZeroReplyLimitIsRefusedAtStart() {
        runner.withBean(StatsProperties.class, StatsProperties::defaults).withPropertyValues(
                "socialbot.stats.zone=Europe/London", "socialbot.incident.reply-limit=0")
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void anIncidentZoneOtherThanTheBrandsZoneIsRefusedAtStart() {
        runner.withBean(StatsProperties.class, StatsProperties::defaults).withPropertyValues(
                "socialbot.stats.zone=Europe/London", "socialbot.incident.zone=UTC").run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(ctx.getStartupFailure()).hasStackTraceContaining("brand's zone socialbot.stats.zone");
                });
    }

    @Test
    void theTickerThatPostsDigestsRunsUnlessTickingIsOff() {
        var london = runner.withBean(StatsProperties.class, () -> new StatsProperties(ZoneId.of("Europe/London"), null,
                Duration.ofMinutes(1), Duration.ofDays(120))).withPropertyValues("socialbot.stats.zone=Europe/London");
        london.run(ctx -> assertThat(ctx).hasNotFailed()
                .hasSingleBean(io.socialbot.platform.schedule.RepeatingTask.class));
        london.withPropertyValues("socialbot.incident.ticking=false").run(ctx -> {
            assertThat(ctx).hasNotFailed().doesNotHaveBean(io.socialbot.platform.schedule.RepeatingTask.class);
            assertThat(ctx.getBean(IncidentProperties.class).ticking()).isFalse();
        });
    }
}
