package io.socialbot.x;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the mention poller on its own thread at the poll interval (or stays idle when X is off). */
final class XPollLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(XPollLoop.class);

    private final XMentionPoller poller;
    private final Duration interval;
    private final String offReason;
    private ScheduledExecutorService executor;
    private boolean started;
    private volatile XMentionPoller.PollOutcome lastOutcome;
    private volatile java.time.Instant lastPollAt;

    private XPollLoop(XMentionPoller poller, Duration interval, String offReason) {
        this.poller = poller;
        this.interval = interval;
        this.offReason = offReason;
    }

    static XPollLoop running(XMentionPoller poller, Duration interval) {
        return new XPollLoop(poller, interval, null);
    }

    static XPollLoop off(String reason) {
        return new XPollLoop(null, null, reason);
    }

    @Override
    public synchronized void start() {
        if (poller == null) {
            if (!started) {
                log.info("X adapter is off: {}", offReason);
            }
            started = true;
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "x-mention-poll");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("X adapter is on: polling mentions every {}", interval);
    }

    private void tick() {
        try {
            lastOutcome = poller.pollOnce();
            lastPollAt = java.time.Instant.now();
        } catch (RuntimeException e) {
            lastOutcome = new XMentionPoller.Failed(0, null, e.getClass().getSimpleName());
            lastPollAt = java.time.Instant.now();
            // A store or Redis outage must not kill the schedule; the checkpoint did not move.
            log.warn("X mention poll failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
            started = false;
            try {
                poller.release();
            } catch (RuntimeException e) {
                log.debug("could not release the X poll lease: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null || (poller == null && started);
    }

    XMentionPoller.PollOutcome lastOutcome() {
        return lastOutcome;
    }

    java.time.Instant lastPollAt() {
        return lastPollAt;
    }

    String offReason() {
        return offReason;
    }

    boolean isPolling() {
        return poller != null;
    }
}
