package io.socialbot.incident;

import java.time.Instant;
import java.util.List;

/**
 * A rendered digest: mrkdwn text (outside text already escaped), the hourly series for its chart, and the figures
 * both were made from.
 */
public record Digest(String incident, Instant from, Instant to, String text, List<HourPoint> hours,
                     DigestFigures figures) {

    /** Mentions of one hour, split by sentiment. */
    public record HourPoint(Instant hour, long negative, long neutral, long positive) {
        public long total() {
            return negative + neutral + positive;
        }
    }
}
