package io.socialbot.triage;

/** Strips what says nothing about a tweet's language: handles, links, hashtag signs, emoji and digits. */
public final class TweetText {

    private TweetText() {
    }

    /** The words of the text, lower-cased and separated by single spaces; empty when no letters remain. */
    public static String lettersOnly(String text) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        // a char array, not a StringBuilder: this runs on every mention, and a lower-cased code point takes at most two
        char[] out = new char[2 * n];
        int length = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '@' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i = skipToSpace(text, i); // a handle names a brand or a person, not a language
                continue;
            }
            if ((c == 'h' || c == 'w' || c == 'H' || c == 'W') && startsWithUrl(text, i)) {
                i = skipToSpace(text, i); // no other character starts a link: the rest skip the check
                continue;
            }
            int cp = Character.isSurrogate(c) ? text.codePointAt(i) : c;
            if (Character.isLetter(cp)) {
                length += Character.toChars(Character.toLowerCase(cp), out, length);
            } else if ((c == '\'' || c == '\u2019') && length > 0 && i + 1 < n
                    && Character.isLetter(text.charAt(i + 1)) && out[length - 1] != ' ') {
                out[length++] = '\'';
            } else if (length > 0 && out[length - 1] != ' ') {
                out[length++] = ' ';
            }
            i += Character.charCount(cp);
        }
        while (length > 0 && out[length - 1] == ' ') {
            length--;
        }
        return new String(out, 0, length);
    }

    static boolean startsWithUrl(String text, int i) {
        if (i >= text.length() || (i > 0 && !Character.isWhitespace(text.charAt(i - 1)))) {
            return false;
        }
        char c = text.charAt(i);
        if (c != 'h' && c != 'w' && c != 'H' && c != 'W') {
            return false; // what every prefix below starts with: most words are refused here, not by five compares
        }
        return text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i)
                || text.startsWith("HTTP", i) || text.startsWith("WWW.", i);
    }

    static int skipToSpace(String text, int i) {
        int n = text.length();
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
