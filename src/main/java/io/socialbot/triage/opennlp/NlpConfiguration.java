package io.socialbot.triage.opennlp;

import io.socialbot.triage.LanguageIdentifier;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.SentimentProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Language identification and sentiment: the shipped lexicon blended with the shipped model, or a model the user
 * trained when one is configured.
 */
@Configuration(proxyBeanMethods = false)
class NlpConfiguration {

    @Bean
    LanguageIdentifier languageIdentifier() {
        return new OpenNlpLanguageIdentifier();
    }

    @Bean
    SentimentClassifier sentimentClassifier(SentimentProperties properties) {
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        if (!properties.hasModel()) {
            return ShippedDoccatModel.blendedWith(lexicon);
        }
        Path model = Path.of(properties.model());
        if (!Files.isRegularFile(model)) {
            // a configured model that is missing is a mistake to fix, not a reason to fall back silently
            throw new IllegalStateException("socialbot.triage.sentiment.model: no such file " + model.toAbsolutePath());
        }
        try {
            return DoccatSentimentClassifier.load(model, lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("socialbot.triage.sentiment.model: cannot read " + model, e);
        }
    }
}
