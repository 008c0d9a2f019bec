package io.socialbot.x;

import io.socialbot.casework.ReplySender.Failed;
import io.socialbot.casework.ReplySender.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.TwitterException;

/** Turns X's refusal of {@code POST /2/tweets} into what an agent can act on, one message per documented kind. */
final class XReplyRefusals {

    private static final Logger log = LoggerFactory.getLogger(XReplyRefusals.class);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    XReplyRefusals(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param limit      the used-up limit the answer's headers name, if any (a 24-hour cap outlasts the window)
     * @param afterDoubt an earlier send to the same post had no answer: a duplicate is then most likely that one
     */
    Failed classify(TwitterException e, XPostingLimits.Exhausted limit, boolean afterDoubt) {
        int status = e.getStatusCode();
        XProblem problem = XProblem.of(e);
        String text = problem.text();
        String kind = problem.kind();
        if (status == 429 && "usage-capped".equals(kind)) {
            log.error("X refused a reply: the app's usage cap is used up ({})", problem.words());
            return new Failed(FailureKind.RATE_LIMITED, "X's usage cap for the bot's X app is used up (" + problem.words()
                    + "): no replies can be sent until it resets or an admin raises the plan. Your reply was not sent.",
                    limit == null ? null : limit.until());
        }
        if (status == 429) {
            Instant retryAt = limit != null ? limit.until() : clock.instant().plus(Duration.ofMinutes(15));
            String what = limit != null ? limit.what() : "posting limit of the brand account";
            return limited(what, retryAt);
        }
        if (status == 401 || "unsupported-authentication".equals(kind)) {
            // The agent cannot fix credentials; the admin learns from the log (X's words, never tokens).
            log.error("X refused the bot's credentials (HTTP {}: {}): an admin must fix socialbot.x.* "
                    + "(X_API_KEY/X_API_SECRET/X_ACCESS_TOKEN/X_ACCESS_TOKEN_SECRET)", status, problem.words());
            return new Failed(FailureKind.AUTH, "The bot cannot post to X right now: its X credentials were refused. "
                    + "An admin has to fix them; your reply was not sent.", null);
        }
        if ("client-forbidden".equals(kind) || text.contains("client-not-enrolled")) {
            log.error("X refused the reply: the bot's X app is not enrolled for this endpoint ({}): an admin must "
                    + "attach it to a Project with the needed access in the X developer portal", problem.words());
            return new Failed(FailureKind.AUTH, "X does not let the bot's X app post (it is not attached to a Project "
                    + "with the needed access). An admin has to fix it in the X developer portal; your reply was not "
                    + "sent.", null);
        }
        if (text.contains("duplicate")) {
            if (afterDoubt) {
                return new Failed(FailureKind.DUPLICATE, "X refused this as a duplicate, so the earlier attempt whose "
                        + "answer was lost is probably already on X. Check the thread on X; do not reword and send "
                        + "it again unless it is missing.", null);
            }
            return new Failed(FailureKind.DUPLICATE,
                    "X refused this reply as a duplicate of an earlier post by the brand: reword it before sending.",
                    null);
        }
        if (text.contains("too long") || text.contains("length")) {
            return new Failed(FailureKind.TOO_LONG,
                    "X says the reply is too long: shorten it to 280 characters (links count as 23).", null);
        }
        if ("not-authorized-for-resource".equals(kind) || "resource-not-found".equals(kind)
                || text.contains("suspend") || text.contains("protected") || text.contains("deleted")
                || text.contains("not visible") || text.contains("not found") || text.contains("does not exist")
                || text.contains("conversation is not allowed") || text.contains("not allowed to reply")) {
            return new Failed(FailureKind.TARGET_UNAVAILABLE,
                    "X will not take a reply to this post (" + problem.words() + "): it was deleted, or its author "
                            + "is suspended, protected or restricts replies. Reach the customer another way (e.g. DM).",
                    null);
        }
        if (status == 403 && text.contains("not permitted to perform this action")) {
            log.error("X refused the reply: the brand account or its app may not post ({}); an admin must check the "
                    + "app's permissions (read and write) and the account's state", problem.words());
            return new Failed(FailureKind.AUTH, "X says the brand account is not permitted to post this. Usually the "
                    + "bot's X app has read-only permission or the account is locked or restricted; an admin has to "
                    + "check. Your reply was not sent.", null);
        }
        log.warn("X reply refused with HTTP {}: {}", status, problem.words());
        return new Failed(FailureKind.OTHER, "X refused the reply (HTTP " + status + ": " + problem.words()
                + "); it was not sent.", null);
    }

    /** A used-up posting limit: when it ends, by X's headers; a 24-hour cap names the day too. */
    Failed limited(String what, Instant retryAt) {
        boolean longWait = Duration.between(clock.instant(), retryAt).compareTo(Duration.ofHours(1)) > 0;
        return new Failed(FailureKind.RATE_LIMITED, "X's " + what + " is used up: try again after "
                + (longWait ? WHEN : HHMM).format(retryAt) + ".", retryAt);
    }
}
