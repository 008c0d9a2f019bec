package io.socialbot.incident;

import java.time.Instant;
import java.util.List;

/** A rendered digest: mrkdwn text (outside text already escaped) and the hourly series for its chart. */
public record Digest(String incident, Instant from, Instant to, String text, List<HourPoint> hours) {

    /** Mentions of one hour, split by sentiment. */
    public record HourPoint(Instant hour, long negative, long neutral, long positive) {
        public long total() {
            return negative + neutral + positive;
        }
    }
}
