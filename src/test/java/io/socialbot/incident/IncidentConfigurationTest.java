package io.socialbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.CaseReplies;
import io.socialbot.casework.CurrentIncident;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.slack.SlackListeners;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.CaseTimelineStore;
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
            .withBean(DecisionStore.class, InMemoryDecisionStore::new)
            .withBean(CaseReplies.class, InMemoryCaseReplies::new)
            .withBean(AccessPolicy.class, () -> new AccessPolicy(Set.of(), Set.of(), Set.of(), true));

    @Test
    void wiresTheCapabilityFromItsYaml() {
        runner.withPropertyValues("socialbot.incident.zone=Europe/Amsterdam").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).hasSingleBean(IncidentStore.class).hasSingleBean(CurrentIncident.class)
                    .hasSingleBean(DecisionListener.class).hasSingleBean(SlackListeners.class)
                    .hasSingleBean(DigestScheduler.class).hasSingleBean(UpdateBroadcast.class);
            var p = ctx.getBean(IncidentProperties.class);
            assertThat(p.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
            assertThat(p.replyLimit()).isEqualTo(100);
            assertThat(p.replyWindow()).isEqualTo(Duration.ofMinutes(15));
            assertThat(ctx.getBean(SlackListeners.class).commands()).containsExactly("/incident", "/digest");
        });
    }

    @Test
    void aZeroReplyLimitIsRefusedAtStart() {
        runner.withPropertyValues("socialbot.incident.reply-limit=0").run(ctx -> assertThat(ctx).hasFailed());
    }
}
