package io.socialbot.mention;

import java.nio.charset.StandardCharsets;

/**
 * The one encoding of a mention's identity {@code (source, id)} as a key: both parts percent-encoded (RFC 3986
 * unreserved characters kept) and joined by {@code :}. Neither part can then contain {@code :}, so two pairs never
 * share a key, and the key is safe as a Redis key, a Slack button value and a slash-command argument (no spaces,
 * backticks or markup). Sources and ids made of {@code [A-Za-z0-9._~-]} (X's {@code x:1811...}) keep the key they
 * had before this encoding, so existing data and case ids stay valid.
 */
public final class MentionKey {

    private MentionKey() {
    }

    /** The key of {@code (source, id)}. */
    public static String of(String source, String id) {
        return encode(source) + ":" + encode(id);
    }

    /** Whether {@code key} is a key this encoding can produce: one {@code :}, both sides non-empty. */
    public static boolean isWellFormed(String key) {
        int colon = key.indexOf(':');
        return colon > 0 && colon < key.length() - 1 && key.indexOf(':', colon + 1) < 0;
    }

    static String encode(String part) {
        if (isPlain(part)) {
            return part;
        }
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (unreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isPlain(String part) {
        for (int i = 0; i < part.length(); i++) {
            if (!unreserved(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
