package io.socialbot.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.platform.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The schedule's failure waits come from the one RetryPolicy; a graceful stop lets the run in hand finish. */
class RepeatingTaskBackoffTest {

    private final ThreadPoolTaskScheduler scheduler = TaskSchedulers.started(Clock.systemUTC(), 2);

    @AfterEach
    void shutDown() {
        scheduler.shutdown();
    }

    @Test
    void failuresInARowWaitThePolicysDoublingBackoffAndASuccessGoesBackToThePeriod() {
        RepeatingTask task = new RepeatingTask("t", scheduler, Duration.ofSeconds(7), () -> { })
                .backingOffBy(new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(100), Duration.ofMillis(350)));
        assertThat(task.nextWait(false)).isEqualTo(Duration.ofMillis(100));
        assertThat(task.nextWait(false)).isEqualTo(Duration.ofMillis(200));
        assertThat(task.nextWait(false)).isEqualTo(Duration.ofMillis(350));
        assertThat(task.nextWait(false)).isEqualTo(Duration.ofMillis(350));
        assertThat(task.nextWait(true)).isEqualTo(Duration.ofSeconds(7));
        assertThat(task.nextWait(false)).as("the count starts again").isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void withoutAPolicyAFailureWaitsThePeriod() {
        RepeatingTask task = new RepeatingTask("t", scheduler, Duration.ofSeconds(7), () -> { });
        assertThat(task.nextWait(false)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void startingAfterZeroRunsAtOnceAndFailuresAreRetriedOnTheBackoffNotThePeriod() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        RepeatingTask task = new RepeatingTask("t", scheduler, Duration.ofHours(1), () -> {
            three.countDown();
            throw new IllegalStateException("queue down");
        }).startingAfter(Duration.ZERO).backingOffBy(new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(20)));
        task.start();
        try {
            assertThat(three.await(5, TimeUnit.SECONDS)).as("three tries well inside the hour's period").isTrue();
        } finally {
            task.stop();
        }
    }

    @Test
    void aGracefulStopWaitsForTheRunInHandWithoutInterruptingIt() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        RepeatingTask task = new RepeatingTask("t", scheduler, Duration.ofHours(1), () -> {
            inRun.countDown();
            long end = System.nanoTime() + Duration.ofMillis(300).toNanos();
            while (System.nanoTime() < end) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted.set(true);
                }
            }
            finished.set(true);
        }).startingAfter(Duration.ZERO);
        task.start();
        assertThat(inRun.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(task.stop(Duration.ofSeconds(5))).as("the run ended within the grace").isTrue();
        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void aGracefulStopGivesUpAfterTheGrace() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RepeatingTask task = new RepeatingTask("t", scheduler, Duration.ofHours(1), () -> {
            inRun.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).startingAfter(Duration.ZERO);
        task.start();
        assertThat(inRun.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(task.stop(Duration.ofMillis(100))).isFalse();
        release.countDown();
    }
}
