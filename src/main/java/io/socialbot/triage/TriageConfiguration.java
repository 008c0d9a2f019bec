package io.socialbot.triage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Triage wired from settings, the language and sentiment classifiers ({@code triage/opennlp}) and the shared
 * cluster index and rate guard ({@code triage/redis}, which holds the Redis beans so this core imports no Jedis).
 */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    @Bean
    DefaultMentionTriage mentionTriage(TriageProperties properties, LanguageIdentifier languages,
                                       SentimentClassifier sentiments, ClusterIndex clusters, RateGuard rateGuard) {
        return new DefaultMentionTriage(properties, languages, sentiments, clusters, rateGuard);
    }
}
