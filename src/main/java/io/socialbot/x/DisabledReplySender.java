package io.socialbot.x;

import io.socialbot.casework.ReplySender;

/** The reply sender when X posting is not configured: says so instead of pretending. */
final class DisabledReplySender implements ReplySender {

    static final String MESSAGE = "Replies to X are turned off on this bot (no X posting credentials are "
            + "configured). Reply from the X app directly, or ask an admin to set up X.";

    @Override
    public ReplyOutcome send(String idempotencyKey, String inReplyTo, String text) {
        return new Failed(FailureKind.DISABLED, MESSAGE, null);
    }
}
