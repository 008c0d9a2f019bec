package io.socialbot.x;

import com.twitter.twittertext.TwitterTextParser;
import io.socialbot.casework.ReplySender;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.CreateTweetResponse;
import twitter4j.RateLimitStatus;
import twitter4j.TwitterException;
import twitter4j.TwitterV2;

/** Posts an agent's reply with POST /2/tweets, at most once per idempotency key. */
final class XReplySender implements ReplySender {

    private static final Logger log = LoggerFactory.getLogger(XReplySender.class);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Waits between network retries; a field so tests do not sleep. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final TwitterV2 x;
    private final RedisReplyLedger ledger;
    private final Clock clock;
    private final int attempts;
    private final Duration backoff;
    private final Sleeper sleeper;

    XReplySender(TwitterV2 x, RedisReplyLedger ledger, Clock clock, int attempts, Duration backoff, Sleeper sleeper) {
        this.x = x;
        this.ledger = ledger;
        this.clock = clock;
        this.attempts = attempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    @Override
    public ReplyOutcome send(String idempotencyKey, String inReplyTo, String text) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey is required");
        }
        if (inReplyTo == null || !inReplyTo.matches("\\d{1,19}")) {
            return new Failed(FailureKind.OTHER, "Cannot reply: '" + inReplyTo + "' is not an X post id.", null);
        }
        if (text == null || text.isBlank()) {
            return new Failed(FailureKind.OTHER, "The reply is empty: write some text first.", null);
        }
        int weighted = TwitterTextParser.parseTweet(text).weightedLength;
        if (weighted > 280) {
            // Checked before claiming: nothing was sent, so the agent may shorten and retry with the same key.
            return tooLong(weighted);
        }
        RedisReplyLedger.Claim claim = ledger.claim(idempotencyKey, inReplyTo, clock.instant());
        if (claim instanceof RedisReplyLedger.AlreadySent sent) {
            return new Sent(sent.postId(), url(sent.postId()));
        }
        if (claim instanceof RedisReplyLedger.InFlight inFlight) {
            return unknown(inFlight.attemptAt());
        }
        return sendClaimed(idempotencyKey, Long.parseLong(inReplyTo), text);
    }

    private ReplyOutcome sendClaimed(String key, long inReplyTo, String text) {
        Instant attemptAt = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                CreateTweetResponse posted = x.createTweet(null, null, null, null, null, null, null, null, null,
                        inReplyTo, null, text);
                String postId = Long.toString(posted.getId());
                ledger.sent(key, postId);
                return new Sent(postId, url(postId));
            } catch (TwitterException e) {
                if (e.isCausedByNetworkIssue() && neverReachedX(e)) {
                    if (attempt < attempts) {
                        if (!pause(backoff.multipliedBy(1L << (attempt - 1)))) {
                            ledger.failed(key, FailureKind.NETWORK.name());
                            return networkFailed();
                        }
                        continue;
                    }
                    ledger.failed(key, FailureKind.NETWORK.name());
                    return networkFailed();
                }
                if (e.isCausedByNetworkIssue() || e.getStatusCode() >= 500) {
                    // The request may have reached X (read timeout, 5xx): the ledger stays SENDING on purpose.
                    log.warn("X reply {}: outcome unknown after {} ({})", key,
                            e.isCausedByNetworkIssue() ? "a network error" : "HTTP " + e.getStatusCode(),
                            e.getCause() == null ? "" : e.getCause().getClass().getSimpleName());
                    return unknown(attemptAt);
                }
                Failed failed = classify(e);
                ledger.failed(key, failed.kind().name());
                return failed;
            }
        }
    }

    Failed classify(TwitterException e) {
        int status = e.getStatusCode();
        String body = responseText(e).toLowerCase(Locale.ROOT);
        if (status == 429) {
            RateLimitStatus rl = e.getRateLimitStatus();
            Instant retryAt = rl != null ? Instant.ofEpochSecond(rl.getResetTimeInSeconds())
                    : clock.instant().plus(Duration.ofMinutes(15));
            return new Failed(FailureKind.RATE_LIMITED,
                    "X's posting limit for the brand account is used up: try again after " + HHMM.format(retryAt)
                            + ".", retryAt);
        }
        if (status == 401 || (status == 403 && (body.contains("authenticat") || body.contains("oauth")
                || body.contains("not permitted to perform this action") && body.contains("token")))) {
            // The agent cannot fix credentials; the admin learns from the log (status only, never tokens).
            log.error("X refused the bot's credentials (HTTP {}): an admin must fix socialbot.x.* "
                    + "(X_API_KEY/X_API_SECRET/X_ACCESS_TOKEN/X_ACCESS_TOKEN_SECRET)", status);
            return new Failed(FailureKind.AUTH,
                    "The bot cannot post to X right now: its X credentials were refused. An admin has to fix "
                            + "them; your reply was not sent.", null);
        }
        if (body.contains("duplicate")) {
            return new Failed(FailureKind.DUPLICATE,
                    "X refused this reply as a duplicate of an earlier post: reword it before sending.", null);
        }
        if (body.contains("too long") || body.contains("length")) {
            return new Failed(FailureKind.TOO_LONG,
                    "X says the reply is too long: shorten it to 280 characters (links count as 23).", null);
        }
        if (status == 403 || status == 404) {
            if (body.contains("suspend") || body.contains("protected") || body.contains("deleted")
                    || body.contains("not visible") || body.contains("not found") || body.contains("does not exist")
                    || body.contains("conversation is not allowed") || body.contains("not allowed to reply")) {
                return new Failed(FailureKind.TARGET_UNAVAILABLE,
                        "X will not take a reply to this post: it was deleted, or its author is suspended, "
                                + "protected or restricts replies. Reach the customer another way (e.g. DM).", null);
            }
        }
        log.warn("X reply refused with HTTP {}", status);
        return new Failed(FailureKind.OTHER, "X refused the reply (HTTP " + status + "); it was not sent.", null);
    }

    /** X's own words: Twitter4J prefixes its canned text per status, which must not be matched. */
    private static String responseText(TwitterException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String text = e.getStatusCode() != -1 && newline >= 0 ? message.substring(newline + 1) : message;
        return e.isErrorMessageAvailable() ? text + " " + e.getErrorMessage() : text;
    }

    private static boolean neverReachedX(TwitterException e) {
        Throwable c = e.getCause();
        while (c != null) {
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException) {
                return true;
            }
            if (c instanceof SocketTimeoutException && String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("connect")) {
                return true;
            }
            c = c.getCause();
        }
        return false;
    }

    private boolean pause(Duration d) {
        try {
            sleeper.sleep(d);
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Failed networkFailed() {
        Instant retryAt = clock.instant().plus(Duration.ofMinutes(1));
        return new Failed(FailureKind.NETWORK,
                "X could not be reached after " + attempts + " tries; the reply was not sent. Try again in a minute.",
                retryAt);
    }

    private static Failed tooLong(int weighted) {
        return new Failed(FailureKind.TOO_LONG,
                "The reply is " + weighted + " characters by X's count; the limit is 280 (links count as 23, "
                        + "emoji and CJK as 2). Shorten it.", null);
    }

    private static Unknown unknown(Instant attemptAt) {
        String when = attemptAt == null ? "earlier" : "at " + HHMM.format(attemptAt);
        return new Unknown("An attempt to send this reply " + when + " did not report back (timeout or restart), "
                + "so it may or may not be on X. Check the thread on X before sending anything again.");
    }

    private static String url(String postId) {
        return "https://twitter.com/i/web/status/" + postId;
    }
}
