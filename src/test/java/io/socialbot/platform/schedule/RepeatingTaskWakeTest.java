package io.socialbot.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** A repeating task brought forward by {@link RepeatingTask#wakeAt}: at once, after a run in progress, one chain. */
class RepeatingTaskWakeTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    private final ThreadPoolTaskScheduler scheduler = TaskSchedulers.started(clock, 3);

    @AfterEach
    void stop() {
        scheduler.shutdown();
    }

    @Test
    void aWakeUpRunsTheTaskNowInsteadOfAfterItsPeriod() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        RepeatingTask task = new RepeatingTask("wake", scheduler, Duration.ofHours(1), ran::countDown);
        task.start();
        assertThat(ran.await(300, TimeUnit.MILLISECONDS)).as("nothing before the period").isFalse();

        task.wakeAt(clock.instant());

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        task.stop();
    }

    @Test
    void aLaterWakeUpBehindASoonerOneIsKeptNotLost() throws Exception {
        ThreadPoolTaskScheduler real = TaskSchedulers.started(Clock.systemUTC(), 2);
        try {
            java.util.List<Long> at = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch two = new CountDownLatch(2);
            RepeatingTask task = new RepeatingTask("wake", real, Duration.ofHours(1), () -> {
                at.add(System.nanoTime());
                two.countDown();
            });
            task.start();
            long start = System.nanoTime();
            Instant now = Instant.now();
            task.wakeAt(now.plusMillis(100));
            task.wakeAt(now.plusMillis(600)); // behind the first: kept for the schedule after it

            assertThat(two.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat((at.get(1) - start) / 1_000_000).isBetween(550L, 2_000L);
            task.stop();
        } finally {
            real.shutdown();
        }
    }

    @Test
    void aWakeUpDuringARunRunsItAgainAsSoonAsItEnds() throws Exception {
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();
        RepeatingTask task = new RepeatingTask("wake", scheduler, Duration.ofHours(1), () -> {
            if (runs.incrementAndGet() == 1) {
                inFirst.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            second.countDown();
        });
        task.start();
        task.wakeAt(clock.instant());
        assertThat(inFirst.await(5, TimeUnit.SECONDS)).isTrue();

        task.wakeAt(clock.instant()); // work became due while the first run was looking
        release.countDown();

        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(runs.get()).as("then back to the period").isEqualTo(2);
        task.stop();
    }

    @Test
    void manyWakeUpsLeaveOneScheduleNotSeveral() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        RepeatingTask task = new RepeatingTask("wake", scheduler, Duration.ofMillis(100), runs::incrementAndGet);
        task.start();
        for (int i = 0; i < 30; i++) {
            task.wakeAt(clock.instant().plusMillis(i % 3 * 20));
            Thread.sleep(2);
        }
        Thread.sleep(150);
        int before = runs.get();
        Thread.sleep(1_000);
        // one schedule runs about 10 times a second; each extra schedule a wake-up left would add as many again
        assertThat(runs.get() - before).isBetween(5, 13);
        task.stop();
    }
}
