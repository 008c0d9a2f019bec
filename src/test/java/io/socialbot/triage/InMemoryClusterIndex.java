package io.socialbot.triage;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A cluster index for one process (core tests, benchmarks); keeps everything, no expiry. */
public final class InMemoryClusterIndex implements ClusterIndex {

    private record State(long size, Instant firstAt, String signature, boolean posted) {
    }

    private final Map<String, String> members = new HashMap<>();
    private final Map<String, String> anchors = new HashMap<>();
    private final Map<String, State> clusters = new HashMap<>();

    @Override
    public synchronized Membership join(Request request) {
        String known = members.get(request.mentionKey());
        if (known != null) {
            State state = clusters.get(known);
            return new Membership(known, state.size(), state.firstAt(), false, state.posted());
        }
        String clusterId = null;
        boolean byLink = false;
        for (String link : request.links()) {
            clusterId = anchors.get(link);
            if (clusterId != null) {
                byLink = true;
                break;
            }
        }
        if (clusterId == null) {
            for (String band : request.bands()) {
                String candidate = anchors.get(band);
                if (candidate != null && NearDuplicates.agreement(clusters.get(candidate).signature(),
                        request.signature()) >= request.minAgreement()) {
                    clusterId = candidate;
                    break;
                }
            }
        }
        State state;
        if (clusterId == null) {
            clusterId = request.mentionKey();
            state = new State(1, request.createdAt(), request.signature(), false);
        } else {
            State old = clusters.get(clusterId);
            state = new State(old.size() + 1, old.firstAt(), old.signature(), old.posted());
        }
        clusters.put(clusterId, state);
        members.put(request.mentionKey(), clusterId);
        for (String link : request.links()) {
            anchors.putIfAbsent(link, clusterId);
        }
        for (String band : request.bands()) {
            anchors.putIfAbsent(band, clusterId);
        }
        return new Membership(clusterId, state.size(), state.firstAt(), byLink, state.posted());
    }

    @Override
    public synchronized boolean claimPost(String clusterId) {
        State state = clusters.get(clusterId);
        if (state == null || state.posted()) {
            return false;
        }
        clusters.put(clusterId, new State(state.size(), state.firstAt(), state.signature(), true));
        return true;
    }
}
