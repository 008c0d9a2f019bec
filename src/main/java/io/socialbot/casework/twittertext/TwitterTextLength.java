package io.socialbot.casework.twittertext;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import io.socialbot.casework.ReplyLength;

/** X's own counting rules (twitter-text): links count 23, emoji and CJK 2, limit 280. */
public final class TwitterTextLength implements ReplyLength {

    public static final int LIMIT = 280;

    @Override
    public int length(String text) {
        return TwitterTextParser.parseTweet(text).weightedLength;
    }

    @Override
    public int limit() {
        return LIMIT;
    }

    @Override
    public String problem(String text) {
        if (text == null || text.isBlank()) {
            return "The reply is empty.";
        }
        TwitterTextParseResults result = TwitterTextParser.parseTweet(text);
        if (result.weightedLength > LIMIT) {
            return "The reply is " + result.weightedLength + " characters as X counts them (links count 23, emoji 2); "
                    + "the limit is " + LIMIT + ". Cut " + (result.weightedLength - LIMIT) + ".";
        }
        if (!result.isValid) {
            return "X would refuse this text (it has characters X does not accept).";
        }
        return null;
    }
}
