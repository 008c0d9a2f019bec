package io.socialbot.triage;

import io.socialbot.mention.MentionQueue;
import io.socialbot.platform.retry.RetryPolicy;
import io.socialbot.platform.schedule.RepeatingTask;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * The worker's two schedules on the bot's scheduler. The batch loop takes new entries (it waits on the queue, so it
 * runs again at once); the reclaim loop runs every tenth of {@code reclaim-after} (at most every 5 s), even while the
 * batch loop is busy: it keeps the entries in hand claimed, sets aside entries that keep failing and takes over those
 * a dead consumer left idle for {@code reclaim-after}, so they are taken over within about {@code reclaim-after} plus
 * one tick. While the queue cannot be reached both back off by {@link #QUEUE_DOWN}.
 */
final class TriageWorkerLoops {

    private static final Logger log = LoggerFactory.getLogger(TriageWorkerLoops.class);
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);
    /** Waits while the queue is down: 100 ms doubling to 10 s, for as long as it takes. */
    static final RetryPolicy QUEUE_DOWN = new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(100),
            Duration.ofSeconds(10));
    /** The batch step waits up to this long on the queue itself, so the next one may start at once. */
    static final Duration BATCH_WAIT = Duration.ofMillis(500);
    private static final Duration AT_ONCE = Duration.ofMillis(1);
    private static final int BATCH = 200;

    private final TriageWorker worker;
    private volatile Duration reclaimAfter = Duration.ofSeconds(60);
    private RepeatingTask batches;
    private RepeatingTask reclaims;

    TriageWorkerLoops(TriageWorker worker) {
        this.worker = worker;
    }

    /** How often the reclaim loop looks: a tenth of the threshold, between 50 ms and 5 s. */
    static Duration tick(Duration reclaimAfter) {
        long ms = Math.max(50, Math.min(5_000, reclaimAfter.toMillis() / 10));
        return Duration.ofMillis(ms);
    }

    synchronized void start(TaskScheduler scheduler, Duration reclaimAfter) {
        if (batches != null) {
            return;
        }
        this.reclaimAfter = reclaimAfter;
        batches = schedule(scheduler, "triage-worker", AT_ONCE, () -> worker.processAvailable(BATCH, BATCH_WAIT));
        reclaims = schedule(scheduler, "triage-reclaim", tick(reclaimAfter), () -> {
            worker.queue().keepClaimed(worker.inHand());
            worker.reclaim(reclaimAfter, BATCH);
        });
    }

    private RepeatingTask schedule(TaskScheduler scheduler, String name, Duration period, Runnable step) {
        RepeatingTask task = new RepeatingTask(name, scheduler, period, () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                worker.observer().failed(e);
                throw e;
            }
        }).startingAfter(Duration.ZERO).backingOffBy(QUEUE_DOWN);
        task.start();
        return task;
    }

    /**
     * Stops both loops and waits up to {@code grace} for the batch in hand, never interrupting it (the pod's
     * termination grace period must cover it); entries still unfinished then are handed back, so another replica
     * takes them at its next tick.
     */
    synchronized void stop(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (RepeatingTask t : new RepeatingTask[] {batches, reclaims}) {
            if (t != null) {
                t.stop(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            }
        }
        List<MentionQueue.Entry> unfinished = worker.inHand();
        if (!unfinished.isEmpty()) {
            try {
                worker.queue().handBack(unfinished, reclaimAfter);
                log.warn("Stopped with {} mentions unfinished; handed back for another replica", unfinished.size());
            } catch (RuntimeException e) {
                log.warn("Could not hand back {} unfinished mentions ({}); they are reclaimed after {}",
                        unfinished.size(), e.toString(), reclaimAfter);
            }
        }
        batches = null;
        reclaims = null;
    }
}
