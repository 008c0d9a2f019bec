package io.socialbot.platform.schedule;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The bot's one {@code TaskScheduler}: every schedule runs on it, timed by the injected {@link Clock}. */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    static final int THREADS = 4;

    @Bean
    ThreadPoolTaskScheduler taskScheduler(Clock clock) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(THREADS);
        scheduler.setThreadNamePrefix("socialbot-schedule-");
        scheduler.setDaemon(true);
        scheduler.setClock(clock);
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
