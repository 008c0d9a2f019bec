package io.socialbot.mention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads and writes the mention JSON format documented in the README, naming the field that is wrong. */
public final class MentionJson {

    /** Longest text accepted; X allows far less, listening tools sometimes send whole articles. */
    public static final int MAX_TEXT_CHARS = 10_000;

    private static final int MAX_FIELD_CHARS = 2_048;

    /** Earliest {@code created_at} accepted (inclusive): nothing downstream handles dates before the epoch. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /**
     * First {@code created_at} refused: later dates overflow scores built from epoch milliseconds (case queue
     * order, cluster windows), and a mention dated beyond it is a broken clock or a forged value, not a post.
     */
    public static final Instant END = Instant.parse("2100-01-01T00:00:00Z");
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final java.util.regex.Pattern DECIMAL_COMMA =
            java.util.regex.Pattern.compile("(T\\d{2}:\\d{2}:\\d{2}),(?=\\d)");

    // Trailing tokens fail: "{...}{...}" on one line is two mentions glued together, not one. A key given twice
    // is refused: which of the two values was meant cannot be known.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private MentionJson() {
    }

    /** The outcome of reading one JSON value as a mention. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    /** A mention that passed every check. */
    public record Valid(Mention mention) implements Parsed {
    }

    /** The first problem found, with the field it concerns ({@code $} for the whole value). */
    public record Invalid(String field, String reason) implements Parsed {
        public String message() {
            return field + ": " + reason;
        }
    }

    /** Parses one line of text (JSON Lines); a leading UTF-8 byte-order mark is ignored. */
    public static Parsed parseLine(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(withoutByteOrderMark(line));
        } catch (JsonProcessingException e) {
            return notJson(e);
        }
        return parse(node);
    }

    /** {@code text} without the byte-order mark some Windows tools put first; any other text unchanged. */
    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /**
     * Why a text is not one JSON value. A key given twice is named by its path ({@code author.handle}, or
     * {@code 3.id} for the item at index 3 of an array), anything else is {@code $}.
     */
    public static Invalid notJson(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field '")
                && e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser) {
            // the parser stands on the repeated key, so its pointer ends with that key: /author/handle
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            String path = pointer.isEmpty()
                    ? message.substring("Duplicate field '".length(), message.lastIndexOf('\''))
                    : pointer.substring(1).replace('/', '.');
            return new Invalid(path, "is given more than once");
        }
        return new Invalid("$", "not JSON (" + message + ")");
    }

    /** Checks one JSON value against the mention format. */
    public static Parsed parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Invalid("$", "expected a JSON object");
        }
        try {
            String id = requiredString(node, "id");
            String text = requiredString(node, "text");
            if (text.length() > MAX_TEXT_CHARS) {
                throw new FieldException("text", "longer than " + MAX_TEXT_CHARS + " characters");
            }
            Instant createdAt = instant(requiredString(node, "created_at"));
            JsonNode authorNode = node.get("author");
            if (authorNode == null || authorNode.isNull()) {
                throw new FieldException("author.handle", "is required");
            }
            if (!authorNode.isObject()) {
                throw new FieldException("author", "must be an object");
            }
            String handle = requiredString(authorNode, "handle", "author.handle");
            var author = new Mention.Author(
                    optionalString(authorNode, "id", "author.id"),
                    stripAt(handle),
                    optionalString(authorNode, "name", "author.name"),
                    optionalCount(authorNode, "followers", "author.followers"),
                    optionalBoolean(authorNode, "verified", "author.verified"),
                    optionalString(authorNode, "verified_type", "author.verified_type"));
            JsonNode metricsNode = node.get("metrics");
            Mention.Metrics metrics = Mention.Metrics.NONE;
            if (metricsNode != null && !metricsNode.isNull()) {
                if (!metricsNode.isObject()) {
                    throw new FieldException("metrics", "must be an object");
                }
                metrics = new Mention.Metrics(
                        optionalCount(metricsNode, "retweets", "metrics.retweets"),
                        optionalCount(metricsNode, "likes", "metrics.likes"));
            }
            return new Valid(new Mention(
                    id,
                    optionalString(node, "source", "source"),
                    createdAt,
                    text,
                    author,
                    optionalString(node, "url", "url"),
                    optionalString(node, "lang", "lang"),
                    optionalString(node, "retweet_of", "retweet_of"),
                    optionalString(node, "in_reply_to", "in_reply_to"),
                    metrics));
        } catch (FieldException e) {
            return new Invalid(e.field, e.reason);
        }
    }

    /** Writes a mention in the documented format. */
    public static ObjectNode toJson(Mention m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", m.id());
        node.put("source", m.source());
        node.put("created_at", m.createdAt().toString());
        node.put("text", m.text());
        ObjectNode author = node.putObject("author");
        author.put("id", m.author().id());
        author.put("handle", m.author().handle());
        author.put("name", m.author().name());
        author.put("followers", m.author().followers());
        author.put("verified", m.author().verified());
        if (m.author().verifiedType() != null) {
            author.put("verified_type", m.author().verifiedType());
        }
        node.put("url", m.url());
        node.put("lang", m.lang());
        node.put("retweet_of", m.retweetOf());
        node.put("in_reply_to", m.inReplyTo());
        ObjectNode metrics = node.putObject("metrics");
        metrics.put("retweets", m.metrics().retweets());
        metrics.put("likes", m.metrics().likes());
        return node;
    }

    public static String write(Mention m) {
        return toJson(m).toString();
    }

    /** Reads back what {@link #write} wrote; a stored value that no longer parses is a bug, not bad input. */
    public static Mention read(String json) {
        return read(parseLine(json));
    }

    /** The mention of a parse of stored JSON, or an {@link IllegalStateException} saying why it is unreadable. */
    public static Mention read(Parsed parsed) {
        if (parsed instanceof Valid valid) {
            return valid.mention();
        }
        throw new IllegalStateException("stored mention is unreadable: " + ((Invalid) parsed).message());
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String stripAt(String handle) {
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }

    private static Instant instant(String value) {
        Instant at;
        try {
            // ISO 8601 allows a comma before the fraction of a second; java.time reads only the full stop
            at = OffsetDateTime.parse(DECIMAL_COMMA.matcher(value).replaceFirst("$1.")).toInstant();
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new FieldException("created_at", "not an ISO-8601 date-time with a zone: \"" + clip(value) + "\"");
        }
        if (at.isBefore(EARLIEST) || !at.isBefore(END)) {
            throw new FieldException("created_at", "must be from " + EARLIEST + " up to (not including) " + END
                    + ": \"" + clip(value) + "\"");
        }
        return at;
    }

    private static String requiredString(JsonNode node, String name) {
        return requiredString(node, name, name);
    }

    private static String requiredString(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new FieldException(path, "is required");
        }
        if (name.equals("id") && value.getNodeType() == JsonNodeType.NUMBER) {
            return wholeNumber(value, path); // ids from some tools arrive as numbers
        }
        if (!value.isTextual()) {
            throw new FieldException(path, "must be a string, not " + typeName(value));
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw new FieldException(path, "must not be empty");
        }
        if (!name.equals("text") && text.length() > MAX_FIELD_CHARS) {
            throw new FieldException(path, "longer than " + MAX_FIELD_CHARS + " characters");
        }
        return text;
    }

    private static String optionalString(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return wholeNumber(value, path);
        }
        if (!value.isTextual()) {
            throw new FieldException(path, "must be a string, not " + typeName(value));
        }
        if (value.asText().length() > MAX_FIELD_CHARS) {
            throw new FieldException(path, "longer than " + MAX_FIELD_CHARS + " characters");
        }
        return value.asText();
    }

    /** An id given as a JSON number: only a whole number in plain digits ({@code 2.5} and {@code 1e3} are refused). */
    private static String wholeNumber(JsonNode value, String path) {
        if (!value.isIntegralNumber()) {
            throw new FieldException(path, "must be a string or a whole number, not " + value.asText());
        }
        return value.bigIntegerValue().toString();
    }

    private static long optionalCount(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new FieldException(path, "must be a non-negative whole number");
        }
        return value.asLong();
    }

    private static boolean optionalBoolean(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new FieldException(path, "must be true or false, not " + typeName(value));
        }
        return value.asBoolean();
    }

    private static String typeName(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static final class FieldException extends RuntimeException {
        final String field;
        final String reason;

        FieldException(String field, String reason) {
            super(field + ": " + reason, null, false, false);
            this.field = field;
            this.reason = reason;
        }
    }
}
