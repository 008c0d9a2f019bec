package io.socialbot.mention.webhook;

import io.socialbot.mention.MentionProperties;
import io.socialbot.mention.MentionStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook endpoint, authenticated with the configured secret. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    WebhookController webhookController(MentionStore store, MentionProperties properties, Clock clock) {
        String secret = properties.webhook().secret();
        Optional<WebhookSignature> signature = Optional.empty();
        if (secret == null || secret.isBlank()) {
            log.info("Webhook: no secret set (WEBHOOK_SECRET), so POST /webhook/mentions refuses every request");
        } else {
            signature = Optional.of(new WebhookSignature(secret, clock));
        }
        return new WebhookController(store, properties.webhook(), signature);
    }
}
