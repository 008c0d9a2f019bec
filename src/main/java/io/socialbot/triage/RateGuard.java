package io.socialbot.triage;

import java.time.Instant;

/** Keeps each Slack channel under its post rate across replicas, and counts what it let through and refused. */
public interface RateGuard {

    /** @return true when a post to the channel may go now (and takes its slot), false when the channel is full */
    boolean tryAcquire(String channel);

    /**
     * {@link #tryAcquire(String)} for a post about a mention written at {@code mentionTime}. Live guards pace on the
     * wall clock, which is what Slack limits, and ignore it; a rehearsal of a past incident paces on it.
     */
    default boolean tryAcquire(String channel, Instant mentionTime) {
        return tryAcquire(channel);
    }

    /** Posts let through and refused for a channel since the counters started. */
    Counts counts(String channel);

    /** Let-through and refused posts for one channel. */
    record Counts(long posted, long refused) {
    }
}
