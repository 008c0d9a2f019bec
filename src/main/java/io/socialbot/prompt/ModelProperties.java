package io.socialbot.prompt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language model for drafted replies (off unless {@code base-url} is set): an OpenAI-compatible
 * chat-completions endpoint ({@code <base-url>/chat/completions}), its key and model name, how long a draft may
 * take, and a cap on calls per minute across all replicas.
 */
@ConfigurationProperties("socialbot.model")
public record ModelProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("") String name,
        @DefaultValue("8s") Duration timeout,
        @DefaultValue("30") int callsPerMinute,
        @DefaultValue("400") int maxTokens,
        @DefaultValue("30m") Duration cacheFor) {

    public ModelProperties {
        if (callsPerMinute < 1) {
            throw new IllegalArgumentException("socialbot.model.calls-per-minute must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("socialbot.model.timeout must be positive");
        }
        if (!baseUrl.isBlank() && name.isBlank()) {
            throw new IllegalArgumentException("socialbot.model.name is required with socialbot.model.base-url "
                    + "(the model the endpoint serves, e.g. llama3.1:8b)");
        }
    }

    public boolean enabled() {
        return !baseUrl.isBlank();
    }

    /** Never prints the key: settings are logged when a start fails. */
    @Override
    public String toString() {
        return "ModelProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isBlank() ? "" : "(set)") + ", name="
                + name + ", timeout=" + timeout + ", callsPerMinute=" + callsPerMinute + ", maxTokens=" + maxTokens
                + ", cacheFor=" + cacheFor + "]";
    }
}
