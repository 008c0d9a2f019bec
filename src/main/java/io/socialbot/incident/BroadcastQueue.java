package io.socialbot.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Replies waiting to go out for "tell everyone waiting", shared by replicas. Taking an item reserves one post in
 * the pacing window in the same atomic step, so replicas draining together never exceed the limit between them.
 */
public interface BroadcastQueue {

    /** One reply to send: an update to one case. */
    record Item(String updateId, String caseKey) {
        /** The same id for every attempt, so casework never sends it twice. */
        public String requestId() {
            return "incident-update:" + updateId + ":" + caseKey;
        }
    }

    /** Queues the reply unless this update was ever queued for this case; true when newly queued. */
    boolean enqueue(Item item);

    /**
     * Takes the oldest items, as many as {@code limit} minus the posts reserved since {@code windowStart} allow,
     * reserving a post at {@code now} for each; each item is handed to exactly one caller.
     */
    List<Item> take(int limit, Instant windowStart, Instant now);

    /** Gives back a taken item's reserved post (it was skipped, or goes back to the queue). */
    void release(Item item);

    /** Puts a taken item back at the front and releases its reservation (X said: not now). */
    void requeue(Item item);

    int queued();

    /** Records how an item ended, on its case's entry for this update. */
    void recordOutcome(Item item, String outcome);

    /** Outcomes per case key for an update. */
    Map<String, String> outcomes(String updateId);
}
