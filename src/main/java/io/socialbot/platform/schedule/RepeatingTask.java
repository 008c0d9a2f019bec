package io.socialbot.platform.schedule;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * The one way to run periodic work: {@code task} every {@code period} on the bot's {@link TaskScheduler} (driven by
 * the injected {@code Clock}) from the context's start to its stop; a failure is logged and the schedule goes on.
 */
public final class RepeatingTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepeatingTask.class);

    private final String name;
    private final TaskScheduler scheduler;
    private final Duration period;
    private final Runnable task;
    private volatile ScheduledFuture<?> future;

    public RepeatingTask(String name, TaskScheduler scheduler, Duration period, Runnable task) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(name + ": the period must be positive, was " + period);
        }
        this.name = name;
        this.scheduler = scheduler;
        this.period = period;
        this.task = task;
    }

    /** Runs the task once now, on the caller's thread, as the schedule would (failures logged, not thrown). */
    public void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            // a Redis or Slack outage must not end the schedule: the next run tries again
            log.warn("{} failed: {}", name, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (future == null) {
            future = scheduler.scheduleWithFixedDelay(this::runOnce, scheduler.getClock().instant().plus(period), period);
        }
    }

    @Override
    public synchronized void stop() {
        if (future != null) {
            future.cancel(true);
            future = null;
        }
    }

    @Override
    public boolean isRunning() {
        return future != null;
    }

    @Override
    public String toString() {
        return name + " every " + period;
    }
}
