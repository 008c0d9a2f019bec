package io.socialbot.platform.redis;

/** Makes Redis URLs safe to log. */
public final class RedisUrls {

    private RedisUrls() {
    }

    /** Replaces the password in {@code scheme://user:password@host} with {@code ***}. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme < 0 || at < scheme) {
            return url;
        }
        String userInfo = url.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        String user = colon >= 0 ? userInfo.substring(0, colon) : "";
        return url.substring(0, scheme + 3) + (user.isEmpty() ? "" : user + ":") + "***" + url.substring(at);
    }
}
