package io.socialbot.mention.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast a replay runs: as fast as possible, or at {@code speed} times the mentions' own {@code created_at} clock
 * (60 replays an hour of mentions in a minute).
 */
public record ReplayPace(double speed) {

    public static final ReplayPace AS_FAST_AS_POSSIBLE = new ReplayPace(0);

    public ReplayPace {
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, or 0 for as fast as possible");
        }
    }

    public static ReplayPace parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("max")) {
            return AS_FAST_AS_POSSIBLE;
        }
        String v = value.endsWith("x") ? value.substring(0, value.length() - 1) : value;
        try {
            return new ReplayPace(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("speed must be a number like 60 or 60x, or max; got '" + value + "'");
        }
    }

    public boolean paced() {
        return speed > 0;
    }

    /** How long after the replay started a mention created at {@code at} is due, the first one being at {@code first}. */
    public Duration dueAfter(Instant first, Instant at) {
        if (!paced() || at.isBefore(first)) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (Duration.between(first, at).toNanos() / speed));
    }
}
