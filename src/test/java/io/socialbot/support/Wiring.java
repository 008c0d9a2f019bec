package io.socialbot.support;

import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Wires one capability in a test as the application does: its core and adapter configurations, found by scan. */
public final class Wiring {

    private Wiring() {
    }

    /** Registers every product {@code @Configuration} under {@code pkg} (never a test's), as the bot's scan does. */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> configurationsUnder(String pkg) {
        return ctx -> {
            var scanner = new ClassPathBeanDefinitionScanner((BeanDefinitionRegistry) ctx, false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Configuration.class));
            scanner.addExcludeFilter((reader, factory) -> isTestClass(reader));
            scanner.scan(pkg);
        };
    }

    /** The platform beans every capability takes: a clock and the scheduler on it. */
    public static ApplicationContextRunner withClockAndScheduler(ApplicationContextRunner runner, Clock clock) {
        return runner.withBean(Clock.class, () -> clock).withBean(TaskScheduler.class, () -> {
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setClock(clock);
            scheduler.setDaemon(true);
            return scheduler;
        });
    }

    private static boolean isTestClass(org.springframework.core.type.classreading.MetadataReader reader) {
        try {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        } catch (IOException e) {
            return true;
        }
    }
}
