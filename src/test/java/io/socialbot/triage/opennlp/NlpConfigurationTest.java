package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.triage.LanguageIdentifier;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.SentimentProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class NlpConfigurationTest {

    @EnableConfigurationProperties(SentimentProperties.class)
    static class Props {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(NlpConfiguration.class, Props.class);

    @Test
    void shipsTheLexiconAndTheLanguageIdentifier() {
        runner.run(context -> {
            assertThat(context.getBean(SentimentClassifier.class)).isInstanceOf(LexiconSentimentClassifier.class);
            assertThat(context.getBean(LanguageIdentifier.class).identify("waar is mijn koffer")).contains("nl");
        });
    }

    @Test
    void aConfiguredModelThatIsMissingStopsTheStart() {
        runner.withPropertyValues("socialbot.triage.sentiment.model=/nonexistent/model.bin")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("no such file"));
    }
}
