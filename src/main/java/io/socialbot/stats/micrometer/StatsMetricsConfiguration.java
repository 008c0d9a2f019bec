package io.socialbot.stats.micrometer;

import io.socialbot.stats.StatsProperties;
import io.socialbot.stats.StatsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code socialbot_stats_*} gauges. */
@Configuration(proxyBeanMethods = false)
class StatsMetricsConfiguration {

    @Bean
    StatsMeterBinder statsMeterBinder(StatsService stats, StatsProperties properties) {
        return new StatsMeterBinder(stats, properties.metricsRefresh());
    }
}
