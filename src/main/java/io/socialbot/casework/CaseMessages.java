package io.socialbot.casework;

import java.time.Duration;
import java.time.Instant;

/** A case's message where people work (Slack): post, update, find an earlier post. */
public interface CaseMessages {

    /** Posts the case, marked with its key so that {@link #find} can see the post later. */
    Sent post(CaseView view);

    /** Updates the case's existing post to show its current state. */
    Sent update(CaseView view);

    /** Looks for a post of the case in its channel since {@code since}. */
    Found find(String channel, String caseKey, Instant since);

    /** How a post or update ended. */
    sealed interface Sent permits Delivered, RateLimited, NotSent, Unknown, Refused, Gone {
    }

    /** Slack has it. */
    record Delivered(String channelId, String ts) implements Sent {
    }

    /** Slack asked to wait ({@code Retry-After}); nothing was posted. */
    record RateLimited(Duration retryAfter) implements Sent {
    }

    /** Not sent, and trying again later may help (Slack unreachable, unavailable). */
    record NotSent(String reason) implements Sent {
    }

    /** Slack may or may not have it (timeout, a 5xx after the request was sent). */
    record Unknown(String reason) implements Sent {
    }

    /** Slack refused the request itself ({@code invalid_blocks}, {@code channel_not_found}...): retrying cannot help. */
    record Refused(String error) implements Sent {
    }

    /** The message to update is gone ({@code message_not_found}). */
    record Gone() implements Sent {
    }

    /** What a look for an earlier post found. */
    sealed interface Found permits FoundPost, NoPost, CannotLook {
    }

    record FoundPost(String channelId, String ts) implements Found {
    }

    record NoPost() implements Found {
    }

    /** {@code retryAfter} is zero unless Slack asked to wait. */
    record CannotLook(String reason, Duration retryAfter) implements Found {
    }
}
