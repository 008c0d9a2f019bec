package io.socialbot.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.IncidentPageLinks;
import io.socialbot.incident.IncidentPageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.function.RouterFunction;

/** The page is wired only when both its base URL and its secret are set (environment variables included). */
class IncidentPageConfigurationTest {

    @EnableConfigurationProperties(IncidentPageProperties.class)
    static class Settings {
    }

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withUserConfiguration(Settings.class, IncidentPageConfiguration.class);

    @Test
    void offUnlessBothTheBaseUrlAndTheSecretAreSet() {
        runner.run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(IncidentPageLinks.class)
                .doesNotHaveBean(RouterFunction.class));
        runner.withPropertyValues("socialbot.incident-page.secret=0123456789abcdef0123456789abcdef")
                .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(IncidentPageLinks.class));
        runner.withPropertyValues("socialbot.incident-page.base-url=https://bot.example.com")
                .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(IncidentPageLinks.class));
    }

    @Test
    void aShortSecretFailsTheStartWithItsName() {
        runner.withPropertyValues("socialbot.incident-page.base-url=https://bot.example.com",
                "socialbot.incident-page.secret=tooshort").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("socialbot.incident-page.secret")
                .hasMessageNotContaining("tooshort"));
    }
}
