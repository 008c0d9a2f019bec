package io.socialbot.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialbot.mention.MentionJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The published JSON of a decision (dry-run {@code decisions.jsonl}, Redis): {@code id}, {@code duplicate},
 * {@code lang}, {@code sentiment} {label, score}, {@code priority}, {@code reasons}, {@code themes}, {@code places},
 * {@code cluster}
 * {id, kind, size}, {@code relevant}, {@code posted_to}. Names are stable: teams script against them.
 */
public final class DecisionJson {

    private static final String LEGACY_PLACE = "place:";

    private DecisionJson() {
    }

    public static ObjectNode toJson(TriageDecision d) {
        ObjectNode node = MentionJson.mapper().createObjectNode();
        node.put("id", d.id());
        node.put("key", d.key());
        node.put("duplicate", false);
        node.put("lang", d.lang());
        if (d.sentiment() == null) {
            node.putNull("sentiment");
        } else {
            ObjectNode s = node.putObject("sentiment");
            s.put("label", d.sentiment().label().name().toLowerCase());
            s.put("score", Math.round(d.sentiment().score() * 1000) / 1000.0);
        }
        node.put("priority", d.priority() == null ? null : d.priority().name());
        ArrayNode reasons = node.putArray("reasons");
        d.reasons().forEach(reasons::add);
        ArrayNode themes = node.putArray("themes");
        d.themes().forEach(themes::add);
        ArrayNode places = node.putArray("places");
        d.places().forEach(places::add);
        if (d.cluster() == null) {
            node.putNull("cluster");
        } else {
            ObjectNode c = node.putObject("cluster");
            c.put("id", d.cluster().id());
            c.put("kind", d.cluster().kind().name().toLowerCase());
            c.put("size", d.cluster().size());
        }
        node.put("relevant", d.relevant());
        node.put("posted_to", d.postedTo());
        return node;
    }

    public static String write(TriageDecision d) {
        return toJson(d).toString();
    }

    public static TriageDecision read(String json) {
        try {
            return fromJson(MentionJson.mapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored decision is unreadable", e);
        }
    }

    public static TriageDecision fromJson(JsonNode n) {
        TriageDecision.Sentiment sentiment = null;
        JsonNode s = n.get("sentiment");
        if (s != null && s.isObject()) {
            sentiment = new TriageDecision.Sentiment(
                    TriageDecision.Sentiment.Label.valueOf(s.get("label").asText().toUpperCase()),
                    s.get("score").asDouble());
        }
        TriageDecision.Cluster cluster = null;
        JsonNode c = n.get("cluster");
        if (c != null && c.isObject()) {
            cluster = new TriageDecision.Cluster(c.get("id").asText(),
                    TriageDecision.Cluster.Kind.valueOf(c.get("kind").asText().toUpperCase()), c.get("size").asInt());
        }
        // decisions stored before places had their own field carried them as "place:<name>" themes
        List<String> themes = new ArrayList<>();
        List<String> places = strings(n.get("places"));
        for (String theme : strings(n.get("themes"))) {
            if (theme.startsWith(LEGACY_PLACE)) {
                places.add(theme.substring(LEGACY_PLACE.length()));
            } else {
                themes.add(theme);
            }
        }
        return new TriageDecision(
                text(n, "key"), text(n, "id"), text(n, "lang"), sentiment,
                n.hasNonNull("priority") ? TriageDecision.Priority.valueOf(n.get("priority").asText()) : null,
                strings(n.get("reasons")), themes, places, cluster,
                !n.has("relevant") || n.get("relevant").asBoolean(), text(n, "posted_to"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
