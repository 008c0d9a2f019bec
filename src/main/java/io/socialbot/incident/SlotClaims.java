package io.socialbot.incident;

import java.time.Duration;
import java.time.Instant;

/** Claims on hourly digest slots shared by all replicas, so each slot is posted once. */
public interface SlotClaims {

    boolean isDone(String incident, Instant slot);

    /** True for the one replica that may post the slot now; the claim lapses after {@code ttl} if it crashes. */
    boolean claim(String incident, Instant slot, Duration ttl);

    void markDone(String incident, Instant slot);

    /** Gives the slot back after a failed post so the next tick retries it. */
    void release(String incident, Instant slot);
}
