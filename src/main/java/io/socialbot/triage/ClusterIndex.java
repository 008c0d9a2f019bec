package io.socialbot.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared memory of clusters, so that replicas agree: the first mention to claim an anchor names the cluster.
 *
 * <p>{@code join} is atomic. When the mention's key was already joined it answers the same cluster again without
 * growing it (a re-delivered mention). Otherwise the cluster is the one behind the first {@code links} anchor found
 * (retweet links: the original's key), else behind the first {@code bands} anchor whose cluster signature agrees
 * in at least {@code minAgreement} slots, else a new cluster named by the mention's key. Every link and band
 * anchor not yet taken then points at that cluster, and its size grows by one.
 */
public interface ClusterIndex {

    Membership join(Request request);

    /**
     * Joins each request in order, with the same answers as one {@link #join} call each; shared stores send the
     * batch in one round trip. Throws when any join fails, after the ones before it may have taken effect (a join
     * repeated later answers the same cluster without growing it); throws
     * {@link io.socialbot.mention.StoreUnavailableException} when the store cannot be reached at all.
     */
    default List<Membership> joinAll(List<Request> requests) {
        List<Membership> memberships = new ArrayList<>(requests.size());
        for (Request request : requests) {
            memberships.add(join(request));
        }
        return memberships;
    }

    /**
     * Marks the cluster as posted to Slack.
     *
     * @return true for the one call that marked it, false when it was already posted
     */
    boolean claimPost(String clusterId);

    /** What a mention brings: its key, retweet link anchors, content band anchors and MinHash signature. */
    record Request(String mentionKey, List<String> links, List<String> bands, String signature, int minAgreement,
                   Instant createdAt) {
        public Request {
            links = List.copyOf(links);
            bands = List.copyOf(bands);
            signature = signature == null ? "" : signature;
        }
    }

    /**
     * The cluster a mention belongs to.
     *
     * @param clusterId the key of the cluster's first mention
     * @param size      mentions in the cluster, this one included
     * @param firstAt   when the cluster's first mention was written
     * @param byLink    true when joined through a retweet link, false through similar content or as the first
     * @param posted    true when one of the cluster's mentions was already posted
     */
    record Membership(String clusterId, long size, Instant firstAt, boolean byLink, boolean posted) {
    }
}
