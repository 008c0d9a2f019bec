package io.socialbot.incident;

/**
 * The revocation state of incident-page links, shared by every replica: a link carries the generation it was issued
 * under, and a revoke moves the incident to the next one, so every earlier link stops working at once.
 */
public interface PageLinkGenerations {

    /** The generation links are issued under now; 0 until the first revoke. */
    long current(String incident);

    /** Moves to the next generation and returns it. */
    long revoke(String incident);
}
