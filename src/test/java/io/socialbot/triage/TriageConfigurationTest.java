package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

class TriageConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TriageProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, TriageConfiguration.class)
            .withInitializer(ctx -> {
                try {
                    ctx.getEnvironment().getPropertySources().addLast(new YamlPropertySourceLoader()
                            .load("triage", new ClassPathResource("config/triage.yml")).get(0));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            .withBean(LanguageIdentifier.class, TriageFixtures::languages)
            .withBean(SentimentClassifier.class, TriageFixtures::sentiments)
            .withBean(ClusterIndex.class, InMemoryClusterIndex::new)
            .withBean(RateGuard.class, () -> new InMemoryRateGuard(Clock.systemUTC(), new TriageProperties.RateGuard(1, 3)));

    @Test
    void wiresTheTriageFromTheShippedYamlAndTheInjectedClassifiers() {
        runner.run(ctx -> {
            MentionTriage triage = ctx.getBean(MentionTriage.class);
            TriageDecision d = triage.triage(TriageFixtures.mention("1", "@BrandTelHelp ambulance can't get through!"));

            assertThat(d.priority()).isEqualTo(TriageDecision.Priority.P1);
            assertThat(d.postedTo()).isEqualTo("#care-urgent");
            assertThat(ctx.getBean(DefaultMentionTriage.class).withBrandHandles(List.of("@Other"))
                    .triage(TriageFixtures.mention("2", "@BrandTelHelp ambulance can't get through!")).relevant())
                    .isFalse();
        });
    }

    @Test
    void brandHandlesCanBeOverriddenByProperty() {
        runner.withPropertyValues("socialbot.triage.brand.handles=@AcmeMobile").run(ctx -> {
            assertThat(ctx.getBean(TriageProperties.class).brand().handles()).containsExactly("acmemobile");
            assertThat(ctx.getBean(TriageProperties.class).themes()).containsKey("emergency");
        });
    }

    @Test
    void failsToStartWithoutTheClassifiers() {
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class, TriageConfiguration.class)
                .withBean(ClusterIndex.class, InMemoryClusterIndex::new)
                .withBean(RateGuard.class, () -> new InMemoryRateGuard(Clock.systemUTC(), new TriageProperties.RateGuard(1, 3)))
                .run(ctx -> assertThat(ctx).hasFailed());
    }
}
