package io.socialbot.platform.slack;

/**
 * Makes outside text safe for Slack mrkdwn: no pings, no fake links, no markup, no reordering, and within a length.
 * Clipping happens on the raw text, before escaping, on whole code points, so neither an emoji nor an entity is cut.
 */
public final class SlackText {

    /** Zero-width space: keeps {@code *bold*}, {@code _it_}, {@code ~x~}, {@code `c`} and {@code :emoji:} literal. */
    static final char ZWSP = '\u200B';
    /** First-strong isolate and pop: a right-to-left name cannot reorder the bot's text around it. */
    static final char FSI = '\u2068';
    static final char PDI = '\u2069';

    private SlackText() {
    }

    /**
     * Escapes the three characters Slack treats as control characters. With {@code <} escaped, no
     * {@code <!channel>}, {@code <@U123>} or {@code <https://evil|text>} can form; {@code &} first, so an
     * already-escaped {@code &lt;} stays visible as typed.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Slash-command text as the person typed it: Slack sends {@code &}, {@code <}, {@code >} as entities, and text
     * that leaves Slack (a reply on X) must carry the characters themselves. {@code &amp;} last, so a typed
     * {@code &lt;} survives.
     */
    public static String unescape(String slackText) {
        if (slackText == null) {
            return "";
        }
        return slackText.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Escaped ({@link #escape}) and at most {@code limit} characters long, clipped with "…" on whole code points. */
    public static String escape(String text, int limit) {
        return render(text, limit, false, false);
    }

    /**
     * What a customer typed, shown as typed and inert: escaped, mrkdwn markers and emoji codes kept literal,
     * bidirectional controls removed, and at most {@code limit} characters long ("…" when clipped).
     */
    public static String inert(String text, int limit) {
        return render(text, limit, true, false);
    }

    /** {@link #inert}, isolated from the text around it: for names and handles inside the bot's own line. */
    public static String isolated(String text, int limit) {
        return FSI + render(text, limit - 2, true, false) + PDI;
    }

    /** {@link #inert} as a mrkdwn block quote, every line quoted, within {@code limit} in all. */
    public static String quote(String text, int limit) {
        return "> " + render(text, limit - 2, true, true);
    }

    /** At most {@code limit} characters of plain text (no escaping), clipped on whole code points with "…". */
    public static String clip(String text, int limit) {
        if (text == null) {
            return "";
        }
        if (text.length() <= limit) {
            return text;
        }
        int end = limit - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never half an emoji
        }
        while (end > 0 && joins(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(0, end) + "…";
    }

    private static String render(String text, int limit, boolean neutral, boolean quoted) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length() + 16, limit + 8));
        if (fill(out, text, limit, neutral, quoted)) {
            return out.toString();
        }
        out.setLength(0);
        fill(out, text, limit - 1, neutral, quoted); // room for the "…"; whole pieces only, so no entity is cut
        while (out.length() > 0 && joins(out.codePointBefore(out.length()))) {
            out.setLength(out.length() - Character.charCount(out.codePointBefore(out.length())));
        }
        return out.append('…').toString();
    }

    /** Appends the shown form of {@code text} while it fits in {@code limit}; false when it did not all fit. */
    private static boolean fill(StringBuilder out, String text, int limit, boolean neutral, boolean quoted) {
        int prev = '\n';
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp) < text.length() ? text.codePointAt(i + Character.charCount(cp)) : ' ';
            String shown = shown(cp, neutral, quoted, prev, next);
            if (out.length() + shown.length() > limit) {
                return false;
            }
            out.append(shown);
            prev = cp;
            i += Character.charCount(cp);
        }
        return true;
    }

    private static String shown(int cp, boolean neutral, boolean quoted, int prev, int next) {
        boolean lineStart = prev == '\n';
        switch (cp) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                // "&gt;" opening a line is a block quote in mrkdwn
                return neutral && lineStart ? ZWSP + "&gt;" : "&gt;";
            case '\n':
                return quoted ? "\n> " : "\n";
            default:
                break;
        }
        if (!neutral) {
            return new String(Character.toChars(cp));
        }
        if (bidiControl(cp)) {
            return "";
        }
        if ((cp == '*' || cp == '_' || cp == '~' || cp == '`') && !(wordy(prev) && wordy(next))) {
            // a marker inside a word (jo_bristol) formats nothing; at a word's edge it could open or close markup
            return ZWSP + String.valueOf((char) cp) + ZWSP;
        }
        if (cp == ':' && (wordy(next) || next == '+' || next == '-') && !(Character.isDigit(prev) && Character.isDigit(next))) {
            return ":" + ZWSP; // :white_check_mark: stays two colons and words, never an emoji
        }
        return new String(Character.toChars(cp));
    }

    private static boolean wordy(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean joins(int cp) {
        return cp == 0x200D; // a zero-width joiner waits for the character it joins
    }

    /** Embeddings, overrides, isolates and marks (LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM ALM). */
    static boolean bidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }
}
