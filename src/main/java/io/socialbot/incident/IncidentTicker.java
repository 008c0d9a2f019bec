package io.socialbot.incident;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the digest scheduler and the reply pacer on every replica; Redis claims make the work happen once. */
final class IncidentTicker {

    private static final Logger log = LoggerFactory.getLogger(IncidentTicker.class);

    private final DigestScheduler scheduler;
    private final UpdateBroadcast broadcast;
    private final Duration every;
    private ScheduledExecutorService executor;

    IncidentTicker(DigestScheduler scheduler, UpdateBroadcast broadcast, Duration every) {
        this.scheduler = scheduler;
        this.broadcast = broadcast;
        this.every = every;
    }

    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "incident-ticker");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            scheduler.tick();
            broadcast.drain();
        } catch (RuntimeException e) {
            // a Redis outage must not kill the schedule: the next tick tries again
            log.warn("Incident tick failed: {}", e.toString());
        }
    }

    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
