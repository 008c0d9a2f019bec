package io.socialbot.support;

import io.socialbot.mention.Mention;
import java.time.Instant;

/** Small mentions for tests. */
public final class Mentions {

    private Mentions() {
    }

    public static Mention mention(String id, String text) {
        return mention(id, text, Instant.parse("2026-03-02T08:15:00Z"));
    }

    public static Mention mention(String id, String text, Instant at) {
        return new Mention(id, "twitter", at, text, new Mention.Author("a" + id, "user" + id, "User " + id, 10, false),
                "https://twitter.com/user" + id + "/status/" + id, null, null, null, Mention.Metrics.NONE);
    }

    /** One JSON line in the documented format. */
    public static String line(String id, String text, String createdAt) {
        return "{\"id\":\"" + id + "\",\"source\":\"twitter\",\"created_at\":\"" + createdAt + "\",\"text\":\"" + text
                + "\",\"author\":{\"handle\":\"user" + id + "\",\"followers\":10}}";
    }
}
