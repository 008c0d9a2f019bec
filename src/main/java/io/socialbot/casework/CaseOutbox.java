package io.socialbot.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What is still to show in Slack: every case whose post is missing or behind its state. Shared by all replicas:
 * a delivery is claimed (leased) before Slack is called and recorded in one atomic step; a lease that ran out
 * without a record (a crash, a timeout) makes the next claim say the post is in doubt.
 */
public interface CaseOutbox {

    /**
     * Claims up to {@code max} deliveries due at {@code now}: every due post before any update, each most urgent
     * first. Posts take the {@code posts} budget of their channel (Slack: about one a second per channel, short bursts
     * allowed), so a busy channel never holds back another; updates take the workspace's {@code updates} budget
     * (chat.update is limited per workspace, not per channel). None goes where Slack asked to wait
     * ({@link #paceChannel}, {@link #paceUpdates}). Each stays leased for {@code lease} unless {@link #renew}ed (then
     * it is due again, in doubt when it was a post, and its channel is free).
     */
    List<Delivery> claimDue(Instant now, int max, Duration lease, Budget posts, Budget updates);

    /**
     * The heartbeat of deliveries in hand: each that is still {@code held}'s attempt stays leased until {@code now}
     * plus {@code lease} (its due time, and its channel's one post in flight). Returns the case keys no longer held
     * (recorded meanwhile, or claimed by another replica after the lease ran out).
     */
    List<String> renew(List<Delivery> held, Instant now, Duration lease);

    /** A rate: one call per {@code pace}, after bursts of up to {@code burst}. */
    record Budget(Duration pace, int burst) {
        public Budget {
            if (pace.isNegative() || burst < 1) {
                throw new IllegalArgumentException("a budget needs a pace >= 0 and a burst >= 1: " + pace + ", " + burst);
            }
        }
    }

    /**
     * Records where the case was posted and the state shown; true the first time the case is posted. Refused
     * ({@link Recorded#DUPLICATE}) when the case already had a different post.
     */
    Recorded recordPosted(Delivery d, String channelId, String ts, Instant now);

    /** Records that the post now shows {@code d.rev()}; due again at once when the case moved meanwhile. */
    void recordUpdated(Delivery d, Instant now);

    /** Gives the lease back; due again at {@code at}. {@code inDoubt}: the post may or may not be in Slack. */
    int retryAt(Delivery d, Instant at, boolean inDoubt);

    /**
     * No post goes to {@code channel} before {@code until} (Slack's {@code Retry-After}), by any replica. The slot
     * the refused call took from the channel's budget is given back ({@code slot}, the post pace): the pace counts
     * messages posted, and this call posted none.
     */
    void paceChannel(String channel, Instant until, Duration slot);

    /**
     * The post attempt {@code d} is over, whatever its outcome: its channel may take its next post. A channel has one
     * post in flight at a time (else it frees itself after the lease).
     */
    void channelFree(Delivery d);

    /** No update goes out before {@code until} (Slack's {@code Retry-After} on chat.update), by any replica. */
    void paceUpdates(Instant until);

    /** {@link #retryAt} without counting a failure: Slack asked to wait, and waiting is all it takes. */
    void waitUntil(Delivery d, Instant at, boolean inDoubt);

    /** The post is gone from Slack (deleted): forget it, so the next delivery posts the case again. */
    void lost(Delivery d, Instant now);

    /** Retrying cannot help (Slack refused the request itself): out of the outbox until the case moves again. */
    void park(Delivery d, String reason);

    /** True once per case and kind: the ops channel hears about a case's trouble once. */
    boolean firstReport(String caseKey, String kind);

    /** How many cases wait for delivery. */
    long pending();

    /**
     * One claimed delivery. {@code messageTs} empty: the case must be posted (after looking for an earlier post when
     * {@code inDoubt}); otherwise its post must be updated to show {@code rev}.
     */
    record Delivery(String caseKey, String attempt, String channel, String channelId, String messageTs, long rev,
                    int failures, boolean inDoubt, Instant firstTried) {

        public boolean isPost() {
            return messageTs == null || messageTs.isBlank();
        }
    }

    /** The outcome of recording a post. */
    enum Recorded { FIRST, AGAIN, DUPLICATE }
}
