package io.socialbot.stats;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The report service; its store, {@code /stats} and the metrics are wired by {@code stats/redis}, {@code stats/slack}, {@code stats/micrometer}. */
@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

    @Bean
    StatsService statsService(CaseTimelineStore store, StatsProperties properties, Clock clock) {
        return new StatsService(store, properties, clock);
    }
}
