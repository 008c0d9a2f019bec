package io.socialbot.triage;

/**
 * {@link TweetText#lettersOnly} as it was, through a StringBuilder, a link looked for at every character: the test's
 * reference.
 */
final class ReferenceLettersOnly {

    private ReferenceLettersOnly() {
    }

    /** The words of the text, lower-cased and separated by single spaces; empty when no letters remain. */
    static String lettersOnly(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '@' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i = TweetText.skipToSpace(text, i); // a handle names a brand or a person, not a language
                continue;
            }
            if (TweetText.startsWithUrl(text, i)) {
                i = TweetText.skipToSpace(text, i);
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
}
