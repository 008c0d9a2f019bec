package io.socialbot.triage;

import io.socialbot.mention.MentionQueue;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's two background threads. The batch loop takes new entries; the reclaim loop runs every tenth of
 * {@code reclaim-after} (at most every 5 s), even while the batch loop is busy: it keeps the entries in hand
 * claimed, sets aside entries that keep failing and takes over those a dead consumer left idle for
 * {@code reclaim-after}, so they are taken over within about {@code reclaim-after} plus one tick.
 */
final class TriageWorkerLoops {

    private static final Logger log = LoggerFactory.getLogger(TriageWorkerLoops.class);
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);
    private static final int BATCH = 200;

    private final TriageWorker worker;
    private final Object pauses = new Object();
    private volatile boolean running;
    private volatile Duration reclaimAfter = Duration.ofSeconds(60);
    private Thread batches;
    private Thread reclaims;

    TriageWorkerLoops(TriageWorker worker) {
        this.worker = worker;
    }

    /** How often the reclaim loop looks: a tenth of the threshold, between 50 ms and 5 s. */
    static Duration tick(Duration reclaimAfter) {
        long ms = Math.max(50, Math.min(5_000, reclaimAfter.toMillis() / 10));
        return Duration.ofMillis(ms);
    }

    synchronized void start(Duration reclaimAfter) {
        if (running) {
            return;
        }
        running = true;
        this.reclaimAfter = reclaimAfter;
        batches = daemon("triage-worker", () -> repeat(Duration.ZERO,
                () -> worker.processAvailable(BATCH, Duration.ofMillis(500))));
        reclaims = daemon("triage-reclaim", () -> repeat(tick(reclaimAfter), () -> {
            worker.queue().keepClaimed(worker.inHand());
            worker.reclaim(reclaimAfter, BATCH);
        }));
    }

    /**
     * Stops both loops and waits up to {@code grace} for the batch in hand (the pod's termination grace period must
     * cover it); entries still unfinished then are handed back, so another replica takes them at its next tick.
     */
    synchronized void stop(Duration grace) {
        running = false;
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : new Thread[] {batches, reclaims}) {
            if (t == null) {
                continue;
            }
            synchronized (pauses) {
                pauses.notifyAll(); // wakes a pausing loop; a batch in hand is never interrupted (a post half sent)
            }
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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

    private void pause(long ms) throws InterruptedException {
        synchronized (pauses) {
            if (running) {
                pauses.wait(ms);
            }
        }
    }

    private Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Runs {@code step} until stopped, pausing {@code pause} between runs and backing off while it fails. */
    private void repeat(Duration pause, Runnable step) {
        long backoffMs = 100;
        while (running) {
            try {
                step.run();
                backoffMs = 100;
                if (!pause.isZero()) {
                    pause(pause.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                worker.observer().failed(e);
                log.warn("{} could not reach the queue ({}); retrying in {} ms", Thread.currentThread().getName(),
                        e.toString(), backoffMs);
                try {
                    pause(backoffMs);
                } catch (InterruptedException stop) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 10_000);
            }
        }
    }
}
