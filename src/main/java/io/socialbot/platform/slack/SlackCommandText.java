package io.socialbot.platform.slack;

/**
 * Turns slash-command text from Slack's wire format back into what the person typed: Slack escapes {@code &},
 * {@code <} and {@code >} as {@code &amp;}, {@code &lt;}, {@code &gt;} and wraps links as {@code <url>} or
 * {@code <url|label>}, mentions as {@code <@U123>} and channels as {@code <#C123|name>}.
 */
public final class SlackCommandText {

    private SlackCommandText() {
    }

    public static String decode(String wire) {
        if (wire == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(wire.length());
        int i = 0;
        while (i < wire.length()) {
            char c = wire.charAt(i);
            int close = c == '<' ? wire.indexOf('>', i + 1) : -1;
            if (close > i) {
                // Real angle brackets only ever come from Slack's markup: typed ones arrive as &lt; &gt;.
                out.append(link(wire.substring(i + 1, close)));
                i = close + 1;
            } else if (c == '&') {
                int semi = wire.indexOf(';', i);
                String entity = semi > i && semi - i <= 4 ? wire.substring(i, semi + 1) : "";
                String plain = entityValue(entity);
                out.append(plain == null ? "&" : plain);
                i += plain == null ? 1 : entity.length();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** One {@code <...>} item as typed: a link's label when it is the link as written, else the link itself. */
    private static String link(String inner) {
        int bar = inner.indexOf('|');
        String target = unescape(bar < 0 ? inner : inner.substring(0, bar));
        String label = bar < 0 ? null : unescape(inner.substring(bar + 1));
        if (target.startsWith("@")) {
            return "@" + (label == null ? target.substring(1) : label);
        }
        if (target.startsWith("#")) {
            return "#" + (label == null ? target.substring(1) : label);
        }
        if (target.startsWith("!")) {
            String special = target.substring(1);
            return label != null ? label : "@" + (special.contains("^") ? special.substring(0, special.indexOf('^'))
                    : special);
        }
        if (label == null || label.isEmpty()) {
            return target;
        }
        // Slack links what was typed ("example.com" becomes <http://example.com|example.com>): keep the typing;
        // a label that is not the link itself would hide where it goes, so the link wins then.
        String bare = target.replaceFirst("^(https?://|mailto:)", "");
        return bare.equals(label) || bare.equals(label + "/") || target.equals(label) ? label : target;
    }

    private static String unescape(String s) {
        return s.indexOf('&') < 0 ? s : decode(s);
    }

    private static String entityValue(String entity) {
        return switch (entity) {
            case "&amp;" -> "&";
            case "&lt;" -> "<";
            case "&gt;" -> ">";
            default -> null;
        };
    }
}
