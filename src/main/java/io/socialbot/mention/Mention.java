package io.socialbot.mention;

import java.time.Instant;
import java.util.Objects;

/**
 * One post that mentions the brand, in the format shared by replay, webhook and X. {@code receivedAt} is when the
 * bot's store accepted it (the start of every response clock, see {@code stats.ResponsePolicy}); it is null until
 * then and is never taken from a source's input.
 */
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
        Metrics metrics,
        Instant receivedAt) {

    public static final String DEFAULT_SOURCE = "unknown";

    public Mention {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        source = source == null || source.isBlank() ? DEFAULT_SOURCE : source;
        metrics = metrics == null ? Metrics.NONE : metrics;
    }

    /** A mention as a source hands it over, not yet accepted by the bot. */
    public Mention(String id, String source, Instant createdAt, String text, Author author, String url, String lang,
            String retweetOf, String inReplyTo, Metrics metrics) {
        this(id, source, createdAt, text, author, url, lang, retweetOf, inReplyTo, metrics, null);
    }

    /** The same mention, stamped with when the bot's store accepted it. */
    public Mention withReceivedAt(Instant at) {
        return new Mention(id, source, createdAt, text, author, url, lang, retweetOf, inReplyTo, metrics, at);
    }

    /**
     * When the mention arrived at the bot, the start of its response clock: {@link #receivedAt} once stored; for a
     * mention without one (an older stored form), its {@code created_at} capped at {@code now}.
     */
    public Instant arrivedBy(Instant now) {
        Instant at = receivedAt != null ? receivedAt : createdAt;
        return at.isAfter(now) ? now : at;
    }

    /** The dedupe identity, encoded by {@link MentionKey}: the same id from two sources is two mentions. */
    public String key() {
        return MentionKey.of(source, id);
    }

    /**
     * Who wrote the mention. {@code verifiedType} is X's {@code verified_type} (blue, business, government,
     * none) or null when the source does not say; {@code verified} alone has meant a paid tick on X since 2023.
     */
    public record Author(String id, String handle, String name, long followers, boolean verified,
            String verifiedType) {
        public Author {
            Objects.requireNonNull(handle, "author.handle");
        }

        /** An author whose source gives no verification type. */
        public Author(String id, String handle, String name, long followers, boolean verified) {
            this(id, handle, name, followers, verified, null);
        }

        /**
         * Verified by an organisation rather than by paying: X's business or government ticks, or a source that
         * reports {@code verified} without a type (listening tools pass their own notion of verified).
         */
        public boolean officiallyVerified() {
            if (!verified) {
                return false;
            }
            return verifiedType == null || "business".equals(verifiedType) || "government".equals(verifiedType);
        }
    }

    /** Engagement counters as the source reported them. */
    public record Metrics(long retweets, long likes) {
        public static final Metrics NONE = new Metrics(0, 0);
    }
}
