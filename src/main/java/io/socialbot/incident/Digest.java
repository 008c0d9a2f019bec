package io.socialbot.incident;

import java.time.Instant;
import java.util.List;

/** A rendered digest: mrkdwn text (outside text already escaped) and the figures it was rendered from. */
public record Digest(String incident, Instant from, Instant to, String text, DigestFigures figures) {

    /** The hourly series for the chart. */
    public List<DigestFigures.HourPoint> hours() {
        return figures.hours();
    }
}
