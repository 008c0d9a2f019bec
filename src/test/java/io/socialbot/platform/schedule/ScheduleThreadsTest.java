package io.socialbot.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** No schedule waits behind others' long runs: each running schedule has a thread of the pool. */
class ScheduleThreadsTest {

    private final ThreadPoolTaskScheduler scheduler = TaskSchedulers.started(Clock.systemUTC(), 1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<RepeatingTask> started = new ArrayList<>();

    @AfterEach
    void shutDown() {
        release.countDown();
        started.forEach(RepeatingTask::stop);
        scheduler.shutdown();
    }

    private RepeatingTask start(RepeatingTask task) {
        started.add(task);
        task.start();
        return task;
    }

    @Test
    void aHeartbeatKeepsBeatingWhileEveryOtherScheduleIsStuckInALongCall() throws Exception {
        CountDownLatch stuck = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            start(new RepeatingTask("stuck-" + i, scheduler, Duration.ofMillis(5), () -> {
                stuck.countDown();
                awaitRelease();
            }).startingAfter(Duration.ZERO));
        }
        assertThat(stuck.await(5, TimeUnit.SECONDS)).as("all three stuck at once, on a pool made with one thread")
                .isTrue();
        CountDownLatch beats = new CountDownLatch(5);
        start(new RepeatingTask("heartbeat", scheduler, Duration.ofMillis(20), beats::countDown));
        assertThat(beats.await(5, TimeUnit.SECONDS)).as("the heartbeat beats beside them").isTrue();
        assertThat(ScheduleThreads.running(scheduler)).isEqualTo(4);
        assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).isEqualTo(4);
    }

    @Test
    void aStoppedScheduleGivesItsPlaceBackOnce() {
        RepeatingTask task = start(new RepeatingTask("t", scheduler, Duration.ofHours(1), () -> { }));
        assertThat(ScheduleThreads.running(scheduler)).isEqualTo(1);
        task.stop();
        task.stop(Duration.ZERO);
        assertThat(ScheduleThreads.running(scheduler)).isZero();

    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
