package io.socialbot.x;

import com.twitter.twittertext.TwitterTextParser;
import io.socialbot.casework.ReplySender;
import io.socialbot.platform.retry.RetryPolicy;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.AlternativeHttpClientImpl;
import twitter4j.CreateTweetResponse;
import twitter4j.TwitterException;
import twitter4j.TwitterV2;

/**
 * Posts an agent's reply with POST /2/tweets, at most once per idempotency key; a send whose answer was lost puts
 * the post "in doubt" until the brand's timeline shows the reply or an agent confirms it is not there.
 */
final class XReplySender implements ReplySender {

    private static final Logger log = LoggerFactory.getLogger(XReplySender.class);

    private final TwitterV2 x;
    private final RedisReplyLedger ledger;
    private final RedisPace pace;
    private final XReplyCheck check;
    private final XReplyRefusals refusals;
    private final Clock clock;
    private final RetryPolicy connectRetry;
    private final RetryPolicy.Sleeper sleeper;

    /** {@code connectRetry} covers only sends that never reached X; {@code sleeper} waits between them. */
    XReplySender(TwitterV2 x, RedisReplyLedger ledger, RedisPace pace, XReplyCheck check, Clock clock,
            RetryPolicy connectRetry, RetryPolicy.Sleeper sleeper) {
        this.x = x;
        this.ledger = ledger;
        this.pace = pace;
        this.check = check;
        this.refusals = new XReplyRefusals(clock);
        this.clock = clock;
        this.connectRetry = connectRetry;
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
        RedisPace.Wait wait = pace.current();
        if (wait.holds(clock.instant())) {
            // A limit seen by any replica: asking X before its reset only earns another 429.
            return refusals.limited(wait.reason(), wait.until());
        }
        RedisReplyLedger.Claim claim = ledger.claim(idempotencyKey, inReplyTo, clock.instant());
        if (claim instanceof RedisReplyLedger.AlreadySent sent) {
            return new Sent(sent.postId(), url(sent.postId()));
        }
        if (claim instanceof RedisReplyLedger.InFlight inFlight) {
            return settleInFlight(idempotencyKey, inReplyTo, inFlight.attemptAt());
        }
        Optional<RedisReplyLedger.Doubt> doubt = ledger.doubtOn(inReplyTo);
        if (doubt.isPresent() && !doubt.get().request().equals(idempotencyKey) && !doubt.get().confirmed()) {
            return askFirst(idempotencyKey, inReplyTo, doubt.get());
        }
        return sendClaimed(idempotencyKey, inReplyTo, text, doubt.isPresent());
    }

    @Override
    public boolean confirmResend(String inReplyTo) {
        return inReplyTo != null && ledger.confirm(inReplyTo);
    }

    @Override
    public void withdrawConfirmation(String inReplyTo) {
        if (inReplyTo != null) {
            ledger.unconfirm(inReplyTo);
        }
    }

    @Override
    public boolean sendInDoubt(String inReplyTo) {
        return inReplyTo != null && ledger.doubtOn(inReplyTo).isPresent();
    }

    /** The same request again while its first attempt never reported back: look before saying anything. */
    private ReplyOutcome settleInFlight(String key, String inReplyTo, Instant attemptAt) {
        XReplyCheck.Result live = check.replyTo(Long.parseLong(inReplyTo));
        if (live instanceof XReplyCheck.Live found) {
            ledger.sent(key, found.postId());
            ledger.clearDoubt(inReplyTo);
            return new Sent(found.postId(), url(found.postId()));
        }
        return unknown(attemptAt, live);
    }

    /** A new reply to a post whose earlier send is in doubt: never posted without a look or a confirmation. */
    private ReplyOutcome askFirst(String key, String inReplyTo, RedisReplyLedger.Doubt doubt) {
        XReplyCheck.Result live = check.replyTo(Long.parseLong(inReplyTo));
        ledger.failed(key, FailureKind.IN_DOUBT.name());
        String at = XReplyRefusals.HHMM.format(doubt.attemptAt());
        if (live instanceof XReplyCheck.Live found) {
            ledger.sent(doubt.request(), found.postId());
            ledger.clearDoubt(inReplyTo);
            return new Failed(FailureKind.ALREADY_ON_X, "The earlier reply (sent at " + at + ", its answer was lost) "
                    + "is live on X: " + url(found.postId()) + ". This new text was not sent; send it again if the "
                    + "customer needs a second reply.", null);
        }
        String looked = live instanceof XReplyCheck.CannotCheck cannot
                ? "The bot could not look at the brand's recent posts (" + cannot.why() + "). "
                : "It is not among the brand's recent posts on X, but X can take a moment to show a post. ";
        return new Failed(FailureKind.IN_DOUBT, "An earlier reply on this case (sent at " + at + ") may or may not "
                + "be on X: its answer was lost. " + looked + "Check the thread on X first. If the earlier reply is "
                + "not there, confirm and send with `/reply <case> --confirm <text>`. Nothing was sent now.", null);
    }

    private ReplyOutcome sendClaimed(String key, String inReplyTo, String text, boolean afterDoubt) {
        Instant attemptAt = clock.instant();
        // Retried only while the request never left this host; once X may have it, one POST is all there is.
        RetryPolicy.Result<ReplyOutcome> result = connectRetry.run(attempt -> {
            try {
                return RetryPolicy.Outcome.done(posted(key, inReplyTo, text, afterDoubt));
            } catch (TwitterException e) {
                if (e.isCausedByNetworkIssue() && neverReachedX(e)) {
                    return RetryPolicy.Outcome.retry("X could not be reached", null);
                }
                // X may have answered or at least received it: a final outcome, never a second try.
                return RetryPolicy.Outcome.done(answered(e, key, inReplyTo, attemptAt, afterDoubt));
            }
        }, sleeper, Duration.ZERO);
        if (result instanceof RetryPolicy.Result.Succeeded<ReplyOutcome> done) {
            return done.value();
        }
        ledger.failed(key, FailureKind.NETWORK.name());
        return networkFailed();
    }

    private ReplyOutcome posted(String key, String inReplyTo, String text, boolean afterDoubt) throws TwitterException {
        CreateTweetResponse posted = x.createTweet(null, null, null, null, null, null, null, null, null,
                Long.parseLong(inReplyTo), null, text);
        String postId = Long.toString(posted.getId());
        ledger.sent(key, postId);
        if (afterDoubt) {
            ledger.clearDoubt(inReplyTo);
        }
        pace.succeeded();
        XPostingLimits.exhausted(AlternativeHttpClientImpl::lastResponseHeader)
                .ifPresent(limit -> pace.waitUntil(limit.until(), limit.what()));
        return new Sent(postId, url(postId));
    }

    private ReplyOutcome answered(TwitterException e, String key, String inReplyTo, Instant attemptAt,
            boolean afterDoubt) {
        if (e.isCausedByNetworkIssue() || e.getStatusCode() >= 500) {
            // The request may have reached X (dropped connection, read timeout, 5xx): in doubt on purpose.
            log.warn("X reply {}: outcome unknown after {} ({})", key,
                    e.isCausedByNetworkIssue() ? "a network error" : "HTTP " + e.getStatusCode(),
                    e.getCause() == null ? "" : e.getCause().getClass().getSimpleName());
            ledger.doubt(inReplyTo, key, attemptAt);
            return unknown(attemptAt, null);
        }
        XPostingLimits.Exhausted limit = XPostingLimits.exhausted(AlternativeHttpClientImpl::lastResponseHeader).orElse(null);
        Failed failed = refusals.classify(e, limit, afterDoubt);
        if (failed.kind() == FailureKind.RATE_LIMITED && failed.retryAt() != null) {
            pace.waitUntil(failed.retryAt(), limit == null ? "posting limit of the brand account" : limit.what());
        }
        ledger.failed(key, failed.kind().name());
        return failed;
    }

    Failed classify(TwitterException e) {
        return refusals.classify(e, XPostingLimits.exhausted(AlternativeHttpClientImpl::lastResponseHeader).orElse(null), false);
    }

    private static boolean neverReachedX(TwitterException e) {
        Throwable c = e.getCause();
        while (c != null) {
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException || c instanceof HttpConnectTimeoutException) {
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

    private Failed networkFailed() {
        Instant retryAt = clock.instant().plus(Duration.ofMinutes(1));
        return new Failed(FailureKind.NETWORK,
                "X could not be reached after " + connectRetry.attempts() + " tries; the reply was not sent. Try again in a minute.",
                retryAt);
    }

    private static Failed tooLong(int weighted) {
        return new Failed(FailureKind.TOO_LONG,
                "The reply is " + weighted + " characters by X's count; the limit is 280 (links count as 23, "
                        + "emoji and CJK as 2). Shorten it.", null);
    }

    private static Unknown unknown(Instant attemptAt, XReplyCheck.Result looked) {
        String when = attemptAt == null ? "earlier" : "at " + XReplyRefusals.HHMM.format(attemptAt);
        String note = looked instanceof XReplyCheck.NotFound
                ? " It is not among the brand's recent posts yet, but X can take a moment to show a post." : "";
        return new Unknown("The send " + when + " got no answer from X (connection lost, timeout or restart), so it "
                + "may or may not be on X." + note + " Check the thread on X before sending anything again; a new "
                + "reply on this case will ask you to confirm first.");
    }

    private static String url(String postId) {
        return "https://x.com/i/web/status/" + postId;
    }
}
