package io.socialbot.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.TaskScheduler;

class RepeatingTaskTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SchedulingConfiguration.class)
            .withBean(Clock.class, () -> clock);

    @Test
    void theOneSchedulerRunsOnTheInjectedClock() {
        runner.run(ctx -> assertThat(ctx.getBean(TaskScheduler.class).getClock()).isSameAs(clock));
    }

    @Test
    void aTaskRunsRepeatedlyFromStartToStopAndAFailureDoesNotEndIt() {
        runner.run(ctx -> {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch three = new CountDownLatch(3);
            RepeatingTask task = new RepeatingTask("test", ctx.getBean(TaskScheduler.class), Duration.ofMillis(10), () -> {
                runs.incrementAndGet();
                three.countDown();
                throw new IllegalStateException("Redis down");
            });
            assertThat(task.isRunning()).isFalse();
            task.start();
            assertThat(three.await(10, TimeUnit.SECONDS)).as("ran on after failures").isTrue();
            task.stop();
            assertThat(task.isRunning()).isFalse();
            int after = runs.get();
            Thread.sleep(100);
            assertThat(runs.get()).as("no run after stop").isLessThanOrEqualTo(after + 1);
        });
    }
}
