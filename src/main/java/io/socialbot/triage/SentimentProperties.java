package io.socialbot.triage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param model path of a model written by {@code train}; blank uses the shipped lexicon blended with the shipped model
 */
@ConfigurationProperties("socialbot.triage.sentiment")
public record SentimentProperties(@DefaultValue("") String model) {

    public boolean hasModel() {
        return model != null && !model.isBlank();
    }
}
