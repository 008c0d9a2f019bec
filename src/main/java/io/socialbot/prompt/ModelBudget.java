package io.socialbot.prompt;

import java.time.Instant;
import java.util.Optional;

/** The cap on model calls per minute, and the service's own "come back at", shared by every replica. */
public interface ModelBudget {

    /** Takes one call from this minute's budget; false when it is spent. */
    boolean tryTake();

    /** The service refused for its rate limit and said when to come back: no replica calls it before {@code until}. */
    void pauseUntil(Instant until);

    /** When calls may resume, while a pause set by {@link #pauseUntil} is still ahead. */
    Optional<Instant> pausedUntil();
}
