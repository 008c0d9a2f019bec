package io.socialbot.incident;

import java.time.Instant;
import java.util.List;

/** Replies waiting to go out for "tell everyone waiting", shared by replicas and paced by posts already sent. */
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

    /** Puts an item back at the front (rate limited by X): it is not a new send. */
    void requeue(Item item);

    /** Takes up to {@code max} items, oldest first; each item is handed to exactly one caller. */
    List<Item> take(int max);

    int queued();

    /** Records how an item ended; {@code attempted} ones count against the posting limit. */
    void recordSent(Item item, Instant at, String outcome, boolean attempted);

    /** Posts sent since {@code since}, for pacing. */
    long sentSince(Instant since);

    /** Outcomes per case key for an update. */
    java.util.Map<String, String> outcomes(String updateId);
}
