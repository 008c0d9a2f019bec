package io.socialbot.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A mention's text reduced to what triage compares: lower-case words without links, @handles, '#', punctuation
 * or apostrophes ("Can't" is "cant"), the handles it names, and whether it starts like a manual retweet.
 */
record MentionText(List<String> words, List<String> handles, boolean retweetPrefix) {

    static MentionText of(String text) {
        List<String> words = new ArrayList<>();
        List<String> handles = new ArrayList<>();
        int n = text.length();
        int i = 0;
        // "RT @user: text" is a retweet made by hand (or by old clients): Retweets owns the rule
        int prefix = Retweets.manualPrefixEnd(text);
        boolean retweet = prefix > 0;
        i = prefix;
        StringBuilder word = new StringBuilder(16);
        while (i < n) {
            char c = text.charAt(i);
            if ((c == 'h' || c == 'H') && word.length() == 0 && startsWithLink(text, i)) {
                i = skipNonSpace(text, i);
                continue;
            }
            if ((c == 'w' || c == 'W') && word.length() == 0 && text.regionMatches(true, i, "www.", 0, 4)) {
                i = skipNonSpace(text, i);
                continue;
            }
            if (c == '@' && word.length() == 0) {
                int start = ++i;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    handles.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                }
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if ((c == '\'' || c == '\u2019') && word.length() > 0) {
                // apostrophes vanish inside words: can't = cant
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            i++;
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return new MentionText(words, handles, retweet);
    }

    /** Words of a configured phrase, keeping a trailing '*' (prefix match). */
    static List<String> phraseWords(String phrase) {
        List<String> out = new ArrayList<>();
        for (String part : phrase.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            boolean prefix = part.endsWith("*");
            List<String> words = of(prefix ? part.substring(0, part.length() - 1) : part).words();
            for (int k = 0; k < words.size(); k++) {
                out.add(prefix && k == words.size() - 1 ? words.get(k) + "*" : words.get(k));
            }
        }
        return out;
    }

    private static boolean startsWithLink(String text, int i) {
        if (i + 7 > text.length() || (text.charAt(i + 1) != 't' && text.charAt(i + 1) != 'T')) {
            return false;
        }
        return text.regionMatches(true, i, "http://", 0, 7) || text.regionMatches(true, i, "https://", 0, 8);
    }

    private static int skipNonSpace(String text, int i) {
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
