package io.socialbot.stats;

import java.time.Duration;

/** Durations as people read them in reports, exact to the minute from an hour up: {@code 8 h 15 m}, not "over 8 h". */
public final class Durations {

    private Durations() {
    }

    /** {@code 45 s}, {@code 12 m 05 s}, {@code 8 h 15 m}, {@code 2 d 4 h 10 m}; negative durations read as 0 s. */
    public static String exact(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " m" + (s % 60 == 0 ? "" : String.format(" %02d s", s % 60));
        }
        long minutes = (s % 3600) / 60;
        if (s < 86400) {
            return (s / 3600) + " h" + String.format(" %02d m", minutes);
        }
        return (s / 86400) + " d " + (s % 86400) / 3600 + " h" + String.format(" %02d m", minutes);
    }
}
