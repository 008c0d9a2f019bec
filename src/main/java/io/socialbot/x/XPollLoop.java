package io.socialbot.x;

import io.socialbot.platform.schedule.RepeatingTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/** Runs the mention poller on the bot's scheduler at the poll interval, first at start (or stays idle when X is off). */
final class XPollLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(XPollLoop.class);

    private final XMentionPoller poller;
    private final RepeatingTask schedule;
    private final Clock clock;
    private final String offReason;
    private boolean started;
    private volatile XMentionPoller.PollOutcome lastOutcome;
    private volatile Instant lastPollAt;

    private XPollLoop(XMentionPoller poller, TaskScheduler scheduler, Duration interval, String offReason) {
        this.poller = poller;
        this.offReason = offReason;
        this.clock = scheduler == null ? Clock.systemUTC() : scheduler.getClock();
        // The poller keeps its own backoff in Redis beside the lease (shared by every replica), so the schedule
        // just asks at each interval; a poll waiting on a reset or a backoff answers without calling X.
        this.schedule = poller == null ? null
                : new RepeatingTask("x-mention-poll", scheduler, interval, this::tick).startingAfter(Duration.ZERO);
    }

    static XPollLoop running(XMentionPoller poller, TaskScheduler scheduler, Duration interval) {
        return new XPollLoop(poller, scheduler, interval, null);
    }

    static XPollLoop off(String reason) {
        return new XPollLoop(null, null, null, reason);
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
        if (!schedule.isRunning()) {
            schedule.start();
            log.info("X adapter is on: polling mentions {}", schedule);
        }
    }

    private void tick() {
        try {
            lastOutcome = poller.pollOnce();
        } catch (RuntimeException e) {
            // A store or Redis outage must not kill the schedule; the checkpoint did not move.
            lastOutcome = new XMentionPoller.Failed(0, null, e.getClass().getSimpleName());
            throw e;
        } finally {
            lastPollAt = clock.instant();
        }
    }

    @Override
    public synchronized void stop() {
        if (schedule != null && schedule.isRunning()) {
            schedule.stop();
            try {
                poller.release();
            } catch (RuntimeException e) {
                log.debug("could not release the X poll lease: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null ? schedule.isRunning() : started;
    }

    XMentionPoller.PollOutcome lastOutcome() {
        return lastOutcome;
    }

    Instant lastPollAt() {
        return lastPollAt;
    }

    String offReason() {
        return offReason;
    }

    boolean isPolling() {
        return poller != null;
    }
}
