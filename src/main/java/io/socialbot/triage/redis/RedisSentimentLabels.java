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
import java.util.List;
import java.util.Locale;
import redis.clients.jedis.UnifiedJedis;

/**
 * Labels as JSON in one hash, {@code {ns}:sl}, a field per mention key, and the same keys in a sorted set by the
 * time each was given, {@code {ns}:sl-at}: one script compares and writes both, so the label given last is kept,
 * whichever write is last, and a window (the digest's incident so far) is read without reading every label.
 */
public final class RedisSentimentLabels implements SentimentLabels {

    /** Labels read per call: a team's labels run to thousands, read without holding Redis up. */
    private static final int PAGE = 500;

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
            local kept = redis.call('ZSCORE', KEYS[2], ARGV[1])
            if kept and tonumber(kept) > tonumber(ARGV[3]) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
            return 1
            """);

    @Override
    public boolean record(SentimentLabel label) {
        return ((Long) RECORD.run(redis, List.of(hash, times), List.of(label.key(), write(label),
                String.valueOf(label.atMicros())))) == 1L;
    }

    @Override
    public List<SentimentLabel> between(Instant from, Instant to) {
        String min = from.equals(Instant.MIN) ? "-inf" : String.valueOf(SentimentLabel.micros(from));
        String max = to.equals(Instant.MAX) ? "+inf" : "(" + SentimentLabel.micros(to);
        List<SentimentLabel> labels = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            // in the order of their times, then keys: the order the labels were given
            List<String> keys = redis.zrangeByScore(times, min, max, offset, PAGE);
            if (keys.isEmpty()) {
                return labels;
            }
            List<String> values = redis.hmget(hash, keys.toArray(String[]::new));
            for (int i = 0; i < keys.size(); i++) {
                if (values.get(i) == null) {
                    throw new IllegalStateException("stored sentiment label is unreadable: " + keys.get(i)
                            + " has a time and no label");
                }
                labels.add(read(values.get(i)));
            }
        }
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
