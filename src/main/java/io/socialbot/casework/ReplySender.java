package io.socialbot.casework;

import java.time.Instant;

/** Sends an agent's reply to the original post (X in production); at most once per idempotency key. */
public interface ReplySender {

    /**
     * @param idempotencyKey the same key for a retry of the same reply: the sender never posts it twice
     * @param inReplyTo      the id of the post being answered
     */
    ReplyOutcome send(String idempotencyKey, String inReplyTo, String text);

    /**
     * An agent checked the thread after a send in doubt (an {@link Unknown}) and the reply is not there: the next
     * reply to {@code inReplyTo} may go out. Returns false when nothing was in doubt.
     */
    default boolean confirmResend(String inReplyTo) {
        return false;
    }

    /** Puts the in-doubt guard back up after {@link #confirmResend}, when the confirmed send did not go out. */
    default void withdrawConfirmation(String inReplyTo) {
    }

    /** Whether an earlier send to {@code inReplyTo} is still in doubt (unsettled: neither found on X nor replaced). */
    default boolean sendInDoubt(String inReplyTo) {
        return false;
    }

    /** How a send ended. */
    sealed interface ReplyOutcome {
    }

    /** Posted: the new post's id and address. */
    record Sent(String postId, String url) implements ReplyOutcome {
    }

    /**
     * Not posted; {@code agentMessage} says what to do. {@code retryAt} is set when trying later will help.
     */
    record Failed(FailureKind kind, String agentMessage, Instant retryAt) implements ReplyOutcome {
    }

    /** An earlier attempt may or may not have been posted: a human must check before anything is resent. */
    record Unknown(String agentMessage) implements ReplyOutcome {
    }

    /** Failure classes an agent can act on. */
    enum FailureKind {
        DUPLICATE, TOO_LONG, TARGET_UNAVAILABLE, RATE_LIMITED, AUTH, NETWORK, DISABLED, OTHER,
        /** An earlier send to this post may be live: the agent must check the thread and confirm. */
        IN_DOUBT,
        /** The earlier reply whose send was in doubt is live on X; this one was not sent. */
        ALREADY_ON_X
    }
}
