package io.socialbot.casework;

import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Instant;

/**
 * A mention (or a cluster of them) posted for people to work on. The key is the cluster id, which is the key of
 * the cluster's first mention; {@code postId} is that mention's id on its network, what a reply answers.
 * {@code messageTs} is set once the outbox has posted it; {@code note} is what the resolver wrote,
 * {@code channelId} the Slack id of the channel it was posted to; {@code label} is the sentiment a person last gave
 * its post and {@code labelledBy} who (both null until someone labels it).
 */
public record Case(
        String key,
        String postId,
        String authorHandle,
        Priority priority,
        String channel,
        String messageTs,
        Status status,
        String owner,
        int clusterSize,
        int replies,
        String draft,
        Instant received,
        String note,
        String channelId,
        Label label,
        String labelledBy) {

    /** Where a case is in its life. */
    public enum Status { OPEN, CLAIMED, RESOLVED }

    public boolean posted() {
        return messageTs != null && !messageTs.isBlank();
    }

    public boolean ownedBy(String user) {
        return owner != null && owner.equals(user);
    }
}
