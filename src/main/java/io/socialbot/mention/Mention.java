package io.socialbot.mention;

import java.time.Instant;
import java.util.Objects;

/** One post that mentions the brand, in the format shared by replay, webhook and X. */
public record Mention(
        String id,
        String source,
        Instant createdAt,
        String text,
        Author author,
        String url,
        String lang,
        String retweetOf,
        String inReplyTo,
        Metrics metrics) {

    public static final String DEFAULT_SOURCE = "unknown";

    public Mention {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        source = source == null || source.isBlank() ? DEFAULT_SOURCE : source;
        metrics = metrics == null ? Metrics.NONE : metrics;
    }

    /** The dedupe identity: the same id from two sources is two mentions. */
    public String key() {
        return source + ":" + id;
    }

    /** Who wrote the mention. */
    public record Author(String id, String handle, String name, long followers, boolean verified) {
        public Author {
            Objects.requireNonNull(handle, "author.handle");
        }
    }

    /** Engagement counters as the source reported them. */
    public record Metrics(long retweets, long likes) {
        public static final Metrics NONE = new Metrics(0, 0);
    }
}
