package io.socialbot.mention.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The store's form of a mention: the documented format plus {@code received_at}, which only the store writes
 * ({@link MentionJson#parse} ignores it in a source's input, so no listening tool can move a response clock).
 */
final class StoredMentionJson {

    private static final String RECEIVED_AT = "received_at";

    private StoredMentionJson() {
    }

    static String write(Mention m) {
        ObjectNode node = MentionJson.toJson(m);
        if (m.receivedAt() != null) {
            node.put(RECEIVED_AT, m.receivedAt().toString());
        }
        return node.toString();
    }

    /** Reads back what {@link #write} stored (or an older value without {@code received_at}). */
    static Mention read(String json) {
        JsonNode node;
        try {
            node = MentionJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored mention is unreadable: " + MentionJson.notJson(e).message());
        }
        Mention m = MentionJson.read(MentionJson.parse(node));
        JsonNode received = node.get(RECEIVED_AT);
        if (received == null || received.isNull()) {
            return m;
        }
        try {
            return m.withReceivedAt(Instant.parse(received.asText()));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("stored mention has an unreadable received_at", e);
        }
    }
}
