package io.socialbot.triage;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A token bucket per channel for one process (core tests, benchmarks). */
public final class InMemoryRateGuard implements RateGuard {

    private static final class Bucket {
        double tokens;
        long atMillis;
        long posted;
        long refused;
    }

    private final Clock clock;
    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new HashMap<>();

    public InMemoryRateGuard(Clock clock, TriageProperties.RateGuard settings) {
        this.clock = clock;
        this.perSecond = settings.perSecond();
        this.burst = settings.burst();
    }

    @Override
    public synchronized boolean tryAcquire(String channel) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(channel, c -> {
            Bucket b = new Bucket();
            b.tokens = burst;
            b.atMillis = now;
            return b;
        });
        bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.atMillis) * perSecond / 1000.0);
        bucket.atMillis = Math.max(bucket.atMillis, now);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            bucket.posted++;
            return true;
        }
        bucket.refused++;
        return false;
    }

    @Override
    public synchronized Counts counts(String channel) {
        Bucket bucket = buckets.get(channel);
        return bucket == null ? new Counts(0, 0) : new Counts(bucket.posted, bucket.refused);
    }
}
