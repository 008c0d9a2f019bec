package io.socialbot.stats.slack;

import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.stats.StatsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /stats} on Slack. */
@Configuration(proxyBeanMethods = false)
class StatsSlackConfiguration {

    @Bean
    StatsSlackListeners statsSlackListeners(StatsService stats, AccessPolicy access) {
        return new StatsSlackListeners(stats, access);
    }
}
