package io.socialbot.platform.schedule;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The bot's one {@code TaskScheduler}: every schedule runs on it, timed by the injected {@link Clock}. */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    ThreadPoolTaskScheduler taskScheduler(Clock clock) {
        return TaskSchedulers.unstarted(clock, TaskSchedulers.THREADS);
    }
}
