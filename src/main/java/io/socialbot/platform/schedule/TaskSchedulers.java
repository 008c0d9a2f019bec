package io.socialbot.platform.schedule;

import java.time.Clock;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** How the bot's scheduler is made: in the context as its one bean, or alone for a command-line run or a test. */
public final class TaskSchedulers {

    /**
     * The pool's size before any schedule starts. Each {@link RepeatingTask} that starts grows the pool to one thread
     * per running schedule ({@link ScheduleThreads}), so none waits behind another's long run (a triage batch waiting
     * on the queue, a post in Slack's read timeout).
     */
    static final int THREADS = 6;

    private TaskSchedulers() {
    }

    /** A started scheduler of {@code threads} daemon threads timed by {@code clock}; shut it down when done. */
    public static ThreadPoolTaskScheduler started(Clock clock, int threads) {
        ThreadPoolTaskScheduler scheduler = unstarted(clock, threads);
        scheduler.initialize();
        return scheduler;
    }

    /** The same, not yet started: for a bean, which the context initializes and shuts down. */
    public static ThreadPoolTaskScheduler unstarted(Clock clock, int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix("socialbot-schedule-");
        scheduler.setDaemon(true);
        scheduler.setClock(clock);
        scheduler.setRemoveOnCancelPolicy(true);
        // A run in hand (a triage batch, a post) finishes on context close; each RepeatingTask stops its own schedule.
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        return scheduler;
    }
}
