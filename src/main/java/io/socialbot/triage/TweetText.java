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
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '@' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i = skipToSpace(text, i); // a handle names a brand or a person, not a language
                continue;
            }
            if (startsWithUrl(text, i)) {
                i = skipToSpace(text, i);
                continue;
            }
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
            } else if ((c == '\'' || c == '\u2019') && out.length() > 0 && i + 1 < n
                    && Character.isLetter(text.charAt(i + 1)) && out.charAt(out.length() - 1) != ' ') {
                out.append('\'');
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
            i += Character.charCount(cp);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        return out.toString();
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
