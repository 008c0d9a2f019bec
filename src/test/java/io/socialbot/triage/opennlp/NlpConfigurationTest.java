package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.triage.BlendedSentimentClassifier;
import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LanguageIdentifier;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.SentimentProperties;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class NlpConfigurationTest {

    @EnableConfigurationProperties(SentimentProperties.class)
    static class Props {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(NlpConfiguration.class, Props.class);

    @Test
    void shipsTheLexiconBlendedWithTheShippedModelAndTheLanguageIdentifier() {
        runner.run(context -> {
            SentimentClassifier classifier = context.getBean(SentimentClassifier.class);
            assertThat(classifier).isInstanceOf(BlendedSentimentClassifier.class);
            assertThat(classifier.classify("@AcmeAir what gate does the Porto flight leave from?").label())
                    .isEqualTo(Label.NEUTRAL);
            assertThat(context.getBean(LanguageIdentifier.class).identify("waar is mijn koffer")).contains("nl");
        });
    }

    @Test
    void loadsATrainedModelWhenOneIsConfigured(@TempDir Path dir) throws Exception {
        List<LabelledText> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new LabelledText("n" + i, Label.NEGATIVE, "flight delayed again " + i));
            rows.add(new LabelledText("u" + i, Label.NEUTRAL, "what gate is it " + i));
            rows.add(new LabelledText("p" + i, Label.POSITIVE, "zork crew " + i));
        }
        Path model = dir.resolve("model.bin");
        DoccatSentimentClassifier.train(rows, new LexiconSentimentClassifier(), 42, 50).save(model);
        runner.withPropertyValues("socialbot.triage.sentiment.model=" + model).run(context -> {
            SentimentClassifier classifier = context.getBean(SentimentClassifier.class);
            assertThat(classifier).isInstanceOf(DoccatSentimentClassifier.class);
            assertThat(classifier.classify("zork crew").label()).isEqualTo(Label.POSITIVE);
        });
    }

    @Test
    void aConfiguredModelThatIsMissingStopsTheStart() {
        runner.withPropertyValues("socialbot.triage.sentiment.model=/nonexistent/model.bin")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("no such file"));
    }
}
