package io.socialbot.incident;

import java.time.Instant;

/** One declared incident: who started it and when, and who stopped it (null while it runs). */
public record Incident(String name, String channel, String startedBy, Instant startedAt, String stoppedBy,
                       Instant stoppedAt) {

    public boolean running() {
        return stoppedAt == null;
    }
}
