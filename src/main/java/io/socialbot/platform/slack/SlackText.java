package io.socialbot.platform.slack;

/** Makes outside text safe for Slack mrkdwn: no pings, no fake links, no markup. */
public final class SlackText {

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
}
