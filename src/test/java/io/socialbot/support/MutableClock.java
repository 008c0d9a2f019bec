package io.socialbot.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, so hours pass in milliseconds. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final Duration step;

    public MutableClock(Instant start) {
        this(start, Duration.ZERO);
    }

    private MutableClock(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    /** A clock one {@code step} later at each reading, as if each piece of work between two readings took that long. */
    public static MutableClock ticking(Instant start, Duration step) {
        return new MutableClock(start, step);
    }

    public synchronized void set(Instant at) {
        now = at;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        if (step.isZero()) {
            return now;
        }
        synchronized (this) {
            Instant at = now;
            now = now.plus(step);
            return at;
        }
    }
}
