package io.socialbot.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.stats.StatsProperties;
import io.socialbot.triage.SentimentProperties;
import io.socialbot.triage.TriageProperties;
import io.socialbot.triage.TriageWorkerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

class StrictSettingsTest {

    @EnableConfigurationProperties({StatsProperties.class, TriageProperties.class, TriageWorkerProperties.class,
            SentimentProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(StrictSettingsConfiguration.class, Settings.class)
            .withInitializer(ctx -> {
                try {
                    ctx.getEnvironment().getPropertySources().addLast(new YamlPropertySourceLoader()
                            .load("triage", new ClassPathResource("config/triage.yml")).get(0));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

    @Test
    void correctlySpelledSettingsStartIncludingPrefixesNestedInAnother() {
        runner.withPropertyValues("socialbot.stats.zone=Europe/Paris", "socialbot.triage.worker.reclaim-after=5s",
                "socialbot.triage.sentiment.model=", "socialbot.triage.brand.handles=@Acme").run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(StatsProperties.class).zone()).isEqualTo(ZoneId.of("Europe/Paris"));
                    assertThat(ctx.getBean(TriageWorkerProperties.class).reclaimAfter()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(ctx.getBean(TriageProperties.class).brand().handles()).containsExactly("acme");
                });
    }

    @Test
    void aMisspelledSettingFailsTheStartNamingIt() {
        runner.withPropertyValues("socialbot.stats.zon=Europe/Paris").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(UnboundConfigurationPropertiesException.class)
                    .hasMessageContaining("socialbot.stats.zon");
        });
    }

    @Test
    void aMisspelledSettingUnderANestedPrefixFailsToo() {
        runner.withPropertyValues("socialbot.triage.worker.reclaim-aftr=5s").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("socialbot.triage.worker.reclaim-aftr");
        });
        runner.withPropertyValues("socialbot.triage.brand.handels=@Acme").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("socialbot.triage.brand.handels"));
    }

    @Test
    void everySettingsRecordOfTheBotIsFound() {
        assertThat(StrictSettingsConfiguration.settingsPrefixes()).extracting(Object::toString)
                .contains("socialbot.stats", "socialbot.triage", "socialbot.triage.worker", "socialbot.x",
                        "socialbot.slack", "socialbot.redis", "socialbot.mention", "socialbot.incident");
    }
}
