package io.socialbot.triage;

import io.socialbot.mention.Mention;

/**
 * The one definition of a retweet, shared by triage (clusters) and incident digests (counts): the network says so
 * ({@code retweet_of}), or the text starts like a retweet made by hand or by an old client ({@code RT @user: ...}).
 */
public final class Retweets {

    private Retweets() {
    }

    public static boolean isRetweet(Mention mention) {
        return mention.retweetOf() != null || manualPrefixEnd(mention.text()) > 0;
    }

    /**
     * Where the {@code RT @user:} prefix of a manual retweet ends (after the colon when there is one), or 0 when
     * the text does not start like one.
     */
    static int manualPrefixEnd(String text) {
        int n = text.length();
        if (n <= 3 || !(text.startsWith("RT @") || text.startsWith("rt @"))) {
            return 0;
        }
        int i = 4;
        while (i < n && isWordChar(text.charAt(i))) {
            i++;
        }
        if (i < n && text.charAt(i) == ':') {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
