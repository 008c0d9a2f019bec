package io.socialbot.platform.schedule;

import java.util.Map;
import java.util.WeakHashMap;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Keeps a scheduler's pool at least as large as the schedules running on it. A {@link RepeatingTask} never runs twice
 * at once, so one thread each is enough, and with fewer a schedule can wait behind others' long runs: a lease
 * heartbeat behind posts stuck in Slack's read timeout lets its leases lapse and another replica post again.
 */
final class ScheduleThreads {

    private static final Map<TaskScheduler, Integer> RUNNING = new WeakHashMap<>();

    private ScheduleThreads() {
    }

    /** One more schedule runs on {@code scheduler} (a started one): a pool grows to one thread per schedule. */
    static synchronized void reserve(TaskScheduler scheduler) {
        int running = RUNNING.merge(scheduler, 1, Integer::sum);
        if (scheduler instanceof ThreadPoolTaskScheduler pool) {
            if (pool.getScheduledThreadPoolExecutor().getCorePoolSize() < running) {
                pool.setPoolSize(running);
            }
        }
    }

    /** A schedule on {@code scheduler} stopped; the pool keeps its threads, which idle until the pool shuts down. */
    static synchronized void release(TaskScheduler scheduler) {
        RUNNING.computeIfPresent(scheduler, (s, n) -> n > 1 ? n - 1 : null);
    }

    /** How many schedules run on {@code scheduler}. */
    static synchronized int running(TaskScheduler scheduler) {
        return RUNNING.getOrDefault(scheduler, 0);
    }
}
