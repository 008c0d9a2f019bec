package io.socialbot.incident;

/** Posts a digest (text and chart) to a channel; throws when the post did not go out, so the slot is retried. */
public interface DigestPublisher {
    void post(String channel, Digest digest);
}
