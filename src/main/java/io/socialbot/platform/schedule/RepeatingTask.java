package io.socialbot.platform.schedule;

import io.socialbot.platform.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;

/**
 * The one way to run periodic work: {@code task} on the bot's {@link TaskScheduler} (timed by the injected
 * {@code Clock}) from the context's start to its stop, {@code period} after each run ends. A failure is logged and the
 * schedule goes on: after the period, or, with {@link #backingOffBy}, after the {@link RetryPolicy}'s backoff for the
 * failures in a row.
 */
public final class RepeatingTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepeatingTask.class);

    /** Later wake-ups kept at most; beyond them the period still comes. */
    static final int MAX_WAKES = 1_000;

    private final String name;
    private final TaskScheduler scheduler;
    private final Duration firstDelay;
    private final Duration period;
    private final RetryPolicy onFailure;
    private final Runnable task;
    private final ReentrantLock inRun = new ReentrantLock();
    private volatile boolean active;
    private ScheduledFuture<?> next; // guarded by this
    private Instant nextAt; // when next runs; guarded by this
    private long chain; // the run that may go on; an older one (superseded by wakeAt) ends at once; guarded by this
    private boolean running; // guarded by this
    private boolean holdsThread; // a thread of the pool is reserved for this schedule; guarded by this
    private boolean wokenDuringRun; // guarded by this
    private final TreeSet<Instant> wakes = new TreeSet<>(); // later wake-ups; guarded by this
    private int failures; // touched only by the run in progress

    /** Runs {@code task} a {@code period} after start, then a {@code period} after each run ends. */
    public RepeatingTask(String name, TaskScheduler scheduler, Duration period, Runnable task) {
        this(name, scheduler, period, period, null, task);
    }

    private RepeatingTask(String name, TaskScheduler scheduler, Duration firstDelay, Duration period,
            RetryPolicy onFailure, Runnable task) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(name + ": the period must be positive, was " + period);
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException(name + ": the first delay must not be negative, was " + firstDelay);
        }
        this.name = name;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.firstDelay = firstDelay;
        this.period = period;
        this.onFailure = onFailure;
        this.task = Objects.requireNonNull(task, "task");
    }

    /** The same schedule with its first run {@code delay} after start ({@code Duration.ZERO}: at once). */
    public RepeatingTask startingAfter(Duration delay) {
        return new RepeatingTask(name, scheduler, delay, period, onFailure, task);
    }

    /** The same schedule waiting {@code policy.backoff(n)} after the n-th failure in a row instead of the period. */
    public RepeatingTask backingOffBy(RetryPolicy policy) {
        return new RepeatingTask(name, scheduler, firstDelay, period, Objects.requireNonNull(policy), task);
    }

    /** Runs the task once now, on the caller's thread, as the schedule would (failures logged, not thrown). */
    public boolean runOnce() {
        try {
            task.run();
            return true;
        } catch (RuntimeException e) {
            // a Redis or Slack outage must not end the schedule: the next run tries again
            log.warn("{} failed: {}", name, e.toString());
            return false;
        }
    }

    /** The wait before the next run after a run that {@code succeeded}; counts failures in a row. */
    Duration nextWait(boolean succeeded) {
        failures = succeeded ? 0 : failures + 1;
        if (succeeded || onFailure == null) {
            return period;
        }
        Duration wait = onFailure.backoff(failures);
        log.info("{}: failure {} in a row; next try in {} ms", name, failures, wait.toMillis());
        return wait;
    }

    private void runScheduled(long mine) {
        synchronized (this) {
            if (!active || mine != chain) {
                return; // superseded by an earlier wake-up: one chain of runs at a time
            }
            running = true;
        }
        boolean succeeded = false;
        inRun.lock();
        try {
            if (active) {
                succeeded = runOnce();
            }
        } finally {
            inRun.unlock();
        }
        Duration wait = nextWait(succeeded);
        synchronized (this) {
            running = false;
            if (wokenDuringRun && succeeded) {
                wait = Duration.ZERO; // work became due while this run was looking: look again now
            }
            wokenDuringRun = false;
            scheduleIn(wait);
        }
    }

    /**
     * Runs the task at {@code at} as well as on its period (never two runs at once, never a second schedule): work
     * due before the period is up (a case just recorded, the end of a wait a server asked for) need not wait for it.
     * A wake-up due during a run runs the task again as soon as that run ends.
     */
    public synchronized void wakeAt(Instant at) {
        if (!active) {
            return;
        }
        boolean due = !at.isAfter(scheduler.getClock().instant());
        if (running && due) {
            wokenDuringRun = true;
            return;
        }
        if (running || (next != null && nextAt != null && !nextAt.isAfter(at))) {
            if (wakes.size() < MAX_WAKES) {
                wakes.add(at); // after the run or the one scheduled: the schedule after it is brought forward
            }
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        scheduleAt(at);
    }

    private synchronized void scheduleIn(Duration wait) {
        Instant at = scheduler.getClock().instant().plus(wait);
        Instant wake = wakes.isEmpty() ? null : wakes.first();
        if (wake != null && wake.isBefore(at)) {
            at = wake;
        }
        wakes.headSet(at, true).clear();
        scheduleAt(at);
    }

    private synchronized void scheduleAt(Instant at) {
        if (!active) {
            return;
        }
        try {
            long mine = ++chain;
            nextAt = at;
            next = scheduler.schedule(() -> runScheduled(mine), at);
        } catch (TaskRejectedException e) {
            // the scheduler is shutting down with the context: nothing more to run
            active = false;
            releaseThread();
            log.debug("{} not rescheduled: {}", name, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (!active) {
            active = true;
            if (!holdsThread) {
                holdsThread = true;
                ScheduleThreads.reserve(scheduler);
            }
            scheduleIn(firstDelay);
        }
    }

    private synchronized void releaseThread() {
        if (holdsThread) {
            holdsThread = false;
            ScheduleThreads.release(scheduler);
        }
    }

    /** Stops the schedule and interrupts a run in progress. */
    @Override
    public synchronized void stop() {
        active = false;
        releaseThread();
        if (next != null) {
            next.cancel(true);
            next = null;
        }
    }

    /**
     * Stops the schedule without interrupting a run in progress (a post half sent) and waits up to {@code grace} for
     * it to end; returns whether no run is in progress any more.
     */
    public boolean stop(Duration grace) {
        synchronized (this) {
            active = false;
            releaseThread();
            if (next != null) {
                next.cancel(false);
                next = null;
            }
        }
        try {
            if (inRun.tryLock(Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS)) {
                inRun.unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    @Override
    public String toString() {
        return name + " every " + period;
    }
}
