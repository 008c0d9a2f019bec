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

    /**
     * Sets these entries aside at once, whatever their delivery count (their stored mention cannot be read, so no
     * retry can help): the mention keys go to the failed list, the entries leave the queue.
     */
    void setAside(List<Entry> entries);

    /** Restarts the idle clock of entries this consumer is still working on, so no live replica's work is taken. */
    void keepClaimed(List<Entry> entries);

    /** Gives entries this consumer will not finish (it is stopping) to whichever consumer reclaims next. */
    void handBack(List<Entry> entries, Duration idle);

    /** Marks entries done; they are not delivered again. */
    void ack(List<Entry> entries);

    /** Entries waiting or in flight. */
    long depth();

    /** One queued mention. */
    record Entry(String entryId, String mentionKey) {
    }
}
