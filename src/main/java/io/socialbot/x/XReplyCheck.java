package io.socialbot.x;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.Tweet;
import twitter4j.TweetsResponse;
import twitter4j.TwitterException;
import twitter4j.TwitterV2;

/**
 * Looks among the brand's own recent posts ({@code GET /2/users/:id/tweets}) for its reply to a post, to settle
 * whether a send whose answer was lost is live on X.
 */
final class XReplyCheck {

    private static final Logger log = LoggerFactory.getLogger(XReplyCheck.class);

    private final TwitterV2 x;
    private final Long brandUserId;

    /** @param brandUserId null when not configured: nothing can be checked then */
    XReplyCheck(TwitterV2 x, Long brandUserId) {
        this.x = x;
        this.brandUserId = brandUserId;
    }

    /** What the brand's timeline showed. */
    sealed interface Result {
    }

    /** The brand's reply to the post is live. */
    record Live(String postId) implements Result {
    }

    /** Not among the brand's posts newer than the post replied to. */
    record NotFound() implements Result {
    }

    /** X could not be asked or refused. */
    record CannotCheck(String why) implements Result {
    }

    Result replyTo(long inReplyTo) {
        if (brandUserId == null) {
            return new CannotCheck("the brand's X user id is not configured");
        }
        try {
            // A reply is newer than what it answers: since_id bounds the look to posts after the original.
            TweetsResponse page = x.getUserTweets(brandUserId, null, "retweets", null, 100, null, null, null, null,
                    inReplyTo, null, "referenced_tweets,conversation_id,created_at", null, null);
            for (Tweet t : page.getTweets()) {
                if (t.getRepliedToTweetId() != null && t.getRepliedToTweetId() == inReplyTo) {
                    return new Live(Long.toString(t.getId()));
                }
            }
            if (page.getTweets().isEmpty() && !page.getErrors().isEmpty()) {
                return new CannotCheck(page.getErrors().get(0).getDetail());
            }
            return new NotFound();
        } catch (TwitterException e) {
            log.warn("Could not look at the brand's recent posts on X: {}", XProblem.of(e).words());
            return new CannotCheck(e.isCausedByNetworkIssue() ? "X could not be reached"
                    : "X answered HTTP " + e.getStatusCode());
        }
    }
}
