package io.socialbot.triage.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialbot.mention.MentionJson;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.SentimentLabels;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Labels as JSON in one hash, {@code {ns}:sl}, a field per mention key, and each one's time in microseconds in
 * {@code {ns}:sl-at}; one script compares and writes both, so the label given last is kept, whichever write is last.
 */
public final class RedisSentimentLabels implements SentimentLabels {

    /** Fields read per HSCAN call: a team's labels run to thousands, read without holding Redis up. */
    private static final int SCAN_COUNT = 500;

    private final UnifiedJedis redis;
    private final String hash;
    private final String times;

    public RedisSentimentLabels(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.hash = keys.key("sl");
        this.times = keys.key("sl-at");
    }

    // KEYS: labels, their times; ARGV: mention key, label JSON, time in microseconds
    private static final RedisScript RECORD = new RedisScript("""
            local kept = redis.call('HGET', KEYS[2], ARGV[1])
            if kept and tonumber(kept) > tonumber(ARGV[3]) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            return 1
            """);

    @Override
    public boolean record(SentimentLabel label) {
        return ((Long) RECORD.run(redis, List.of(hash, times), List.of(label.key(), write(label),
                String.valueOf(micros(label.at()))))) == 1L;
    }

    /** Microseconds since the epoch: Slack's action times have six decimals; a Lua number holds these exactly. */
    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    @Override
    public List<SentimentLabel> all() {
        // HSCAN may return a field more than once (Redis documents it, above all while the hash is rehashed)
        Map<String, SentimentLabel> byKey = new HashMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().count(SCAN_COUNT);
        do {
            ScanResult<Map.Entry<String, String>> page = redis.hscan(hash, cursor, params);
            page.getResult().forEach(field -> byKey.put(field.getKey(), read(field.getValue())));
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        List<SentimentLabel> labels = new ArrayList<>(byKey.values());
        labels.sort(Comparator.comparing(SentimentLabel::at).thenComparing(SentimentLabel::key));
        return labels;
    }

    static String write(SentimentLabel label) {
        ObjectNode node = MentionJson.mapper().createObjectNode();
        node.put("key", label.key());
        node.put("text", label.text());
        node.put("lang", label.lang());
        node.put("shown", label.shown() == null ? null : SentimentLabel.name(label.shown()));
        node.put("score", label.score());
        node.put("label", SentimentLabel.name(label.label()));
        node.put("by", label.by());
        node.put("at", label.at().toString());
        return node.toString();
    }

    static SentimentLabel read(String json) {
        try {
            JsonNode node = MentionJson.mapper().readTree(json);
            return new SentimentLabel(node.get("key").asText(), node.get("text").asText(), text(node, "lang"),
                    label(text(node, "shown")), node.path("score").asDouble(), label(node.get("label").asText()),
                    node.get("by").asText(), Instant.parse(node.get("at").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            // written by this class only: an unreadable value is a bug or a foreign writer, not bad input
            throw new IllegalStateException("stored sentiment label is unreadable: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Label label(String name) {
        return name == null ? null : Label.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
