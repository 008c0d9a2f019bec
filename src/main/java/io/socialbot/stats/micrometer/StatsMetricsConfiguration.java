package io.socialbot.stats.micrometer;

import io.socialbot.platform.schedule.RepeatingTask;
import io.socialbot.stats.StatsProperties;
import io.socialbot.stats.StatsService;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/** The {@code socialbot_stats_*} gauges, refreshed on the bot's scheduler. */
@Configuration(proxyBeanMethods = false)
class StatsMetricsConfiguration {

    @Bean
    StatsMeterBinder statsMeterBinder(StatsService stats) {
        return new StatsMeterBinder(stats);
    }

    @Bean
    RepeatingTask statsMetricsRefresh(StatsMeterBinder binder, TaskScheduler scheduler, StatsProperties properties) {
        return new RepeatingTask("stats-metrics", scheduler, properties.metricsRefresh(), binder::refresh)
                .startingAfter(Duration.ZERO);
    }
}
