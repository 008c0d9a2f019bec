package io.socialbot.mention;

import java.time.Duration;
import java.util.List;

/** The hand-off from ingest to triage: at-least-once delivery shared by all replicas. */
public interface MentionQueue {

    /** Entries not yet delivered to any consumer, waiting up to {@code block} for the first. */
    List<Entry> next(int max, Duration block);

    /** Entries delivered to a consumer that did not acknowledge them within {@code idle} (it died): taken over. */
    List<Entry> reclaim(Duration idle, int max);

    /**
     * Sets aside entries delivered {@code maxDeliveries} times or more and still unacknowledged (triage keeps failing
     * on them), so they stop being retried forever; the mentions stay in the store. Returns their mention keys.
     */
    List<String> setAsideFailing(Duration idle, int maxDeliveries, int max);

    /** Marks entries done; they are not delivered again. */
    void ack(List<Entry> entries);

    /** Entries waiting or in flight. */
    long depth();

    /** One queued mention. */
    record Entry(String entryId, String mentionKey) {
    }
}
