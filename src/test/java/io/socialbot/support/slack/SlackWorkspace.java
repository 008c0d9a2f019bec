package io.socialbot.support.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The state behind the Slack stand-in: channels (by name and id) and their messages with text, blocks and
 * {@code metadata}, as {@code chat.postMessage}, {@code chat.update}, {@code conversations.history} and
 * {@code conversations.list} see them. Thread-safe by one lock.
 */
public final class SlackWorkspace {

    /** A message as Slack keeps it. */
    public record Posted(String channel, String ts, String text, JsonNode blocks, JsonNode metadata) {
        /** The case key in the message's metadata, or null. */
        public String caseKey() {
            return metadata == null ? null : metadata.path("event_payload").path("case").asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> idsByName = new LinkedHashMap<>();
    private final Map<String, List<Posted>> messages = new LinkedHashMap<>();
    private final AtomicLong ts = new AtomicLong(100);
    /** Open views: id to the hash of their current version, as views.open and views.update return it. */
    private final Map<String, String> viewHashes = new LinkedHashMap<>();
    private final Map<String, JsonNode> views = new LinkedHashMap<>();
    private final AtomicLong viewVersions = new AtomicLong();
    /** Views ever opened: an id is never given twice, even after its view closed (as Slack's ids are unique). */
    private final AtomicLong viewsOpened = new AtomicLong();
    private final java.util.function.Supplier<java.time.Instant> clock;

    SlackWorkspace(java.util.function.Supplier<java.time.Instant> clock) {
        this.clock = clock;
        for (String name : List.of("care-urgent", "care-queue", "care-influencers", "care-press", "care-international", "ops", "incident",
                "care")) {
            channel(name);
        }
    }

    /** The id of a channel, created if new; ids look like Slack's ({@code C} and upper-case letters and digits). */
    public synchronized String channel(String name) {
        String bare = name.startsWith("#") ? name.substring(1) : name;
        return idsByName.computeIfAbsent(bare, n -> "C0" + Integer.toString(Math.abs(n.hashCode()), 36)
                .toUpperCase() + "X");
    }

    private synchronized String resolve(String channel) {
        if (channel == null) {
            return null;
        }
        if (idsByName.containsValue(channel)) {
            return channel;
        }
        if (channel.matches("[CGD][A-Z0-9]{3,}")) {
            idsByName.put(channel.toLowerCase(), channel); // an id a test made up: a channel the bot is in
            return channel;
        }
        if (channel.matches("[UW][A-Z0-9]{3,}")) {
            // a user id posts to the bot's direct message with that person, as Slack's chat.postMessage does
            return idsByName.computeIfAbsent("dm-" + channel, n -> "D" + channel.substring(1));
        }
        String bare = channel.startsWith("#") ? channel.substring(1) : channel;
        return idsByName.get(bare); // Slack also takes a name in chat.postMessage
    }

    public synchronized List<Posted> messages() {
        List<Posted> all = new ArrayList<>();
        messages.values().forEach(all::addAll);
        return all;
    }

    /** How many messages in the workspace carry each case key. */
    public synchronized Map<String, Integer> postsPerCase() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Posted p : messages()) {
            if (p.caseKey() != null) {
                counts.merge(p.caseKey(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Deletes a message, as a person in Slack can. */
    public synchronized void delete(String ts) {
        messages.values().forEach(list -> list.removeIf(p -> p.ts().equals(ts)));
    }

    /** Runs a Web API method on the workspace; null when this is not a method it models. */
    synchronized String call(String method, Function<String, String> param) {
        return switch (method) {
            case "chat.postMessage" -> post(param);
            case "chat.update" -> update(param);
            case "conversations.history" -> history(param);
            case "conversations.list" -> list();
            case "views.open" -> viewsOpen(param);
            case "views.update" -> viewsUpdate(param);
            default -> null;
        };
    }

    private String post(Function<String, String> param) {
        String channel = resolve(param.apply("channel"));
        if (channel == null) {
            return error("channel_not_found");
        }
        JsonNode blocks = json(param.apply("blocks"));
        List<String> errors = BlockKitLimits.message(blocks);
        if (!errors.isEmpty()) {
            return invalid("invalid_blocks", errors);
        }
        // ts are the time of posting, as Slack's: what conversations.history's oldest compares with
        String id = String.format("%d.%06d", clock.get().getEpochSecond(), ts.getAndIncrement());
        messages.computeIfAbsent(channel, c -> new ArrayList<>()).add(new Posted(channel, id, param.apply("text"),
                blocks, json(param.apply("metadata"))));
        return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + id + "\"}";
    }

    private String update(Function<String, String> param) {
        String channel = resolve(param.apply("channel"));
        if (channel == null) {
            return error("channel_not_found");
        }
        List<Posted> list = messages.getOrDefault(channel, List.of());
        for (int i = 0; i < list.size(); i++) {
            Posted p = list.get(i);
            if (p.ts().equals(param.apply("ts"))) {
                JsonNode blocks = json(param.apply("blocks"));
                List<String> errors = BlockKitLimits.message(blocks);
                if (!errors.isEmpty()) {
                    return invalid("invalid_blocks", errors);
                }
                JsonNode metadata = param.apply("metadata") == null ? p.metadata() : json(param.apply("metadata"));
                list.set(i, new Posted(channel, p.ts(), param.apply("text"), blocks, metadata));
                return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + p.ts() + "\"}";
            }
        }
        return error("message_not_found");
    }

    /** Newest first; {@code metadata} only with {@code include_all_metadata}; {@code oldest}, {@code limit}, cursor. */
    private String history(Function<String, String> param) {
        String channel = param.apply("channel");
        if (channel == null || !idsByName.containsValue(channel) && !channel.matches("[CGD][A-Z0-9]{3,}")) {
            return error("channel_not_found"); // history takes ids only
        }
        double oldest = param.apply("oldest") == null ? 0 : Double.parseDouble(param.apply("oldest"));
        int limit = param.apply("limit") == null ? 100 : Integer.parseInt(param.apply("limit"));
        int from = param.apply("cursor") == null || param.apply("cursor").isBlank() ? 0
                : Integer.parseInt(param.apply("cursor"));
        boolean metadata = "true".equals(param.apply("include_all_metadata")) || "1".equals(param.apply("include_all_metadata"));
        List<Posted> all = new ArrayList<>(messages.getOrDefault(channel, List.of()));
        java.util.Collections.reverse(all);
        all.removeIf(p -> Double.parseDouble(p.ts()) < oldest);
        ObjectNode out = JSON.createObjectNode().put("ok", true);
        ArrayNode list = out.putArray("messages");
        int end = Math.min(all.size(), from + limit);
        for (Posted p : all.subList(Math.min(from, all.size()), end)) {
            ObjectNode m = list.addObject().put("type", "message").put("ts", p.ts()).put("text", p.text())
                    .put("bot_id", "B0BOT");
            if (metadata && p.metadata() != null) {
                m.set("metadata", p.metadata());
            }
        }
        out.put("has_more", end < all.size());
        out.putObject("response_metadata").put("next_cursor", end < all.size() ? String.valueOf(end) : "");
        return out.toString();
    }

    private String list() {
        ObjectNode out = JSON.createObjectNode().put("ok", true);
        ArrayNode channels = out.putArray("channels");
        idsByName.forEach((name, id) -> channels.addObject().put("id", id).put("name", name).put("is_channel", true));
        out.putObject("response_metadata").put("next_cursor", "");
        return out.toString();
    }

    private String viewsOpen(Function<String, String> param) {
        JsonNode view = json(param.apply("view"));
        List<String> errors = view == null ? List.of("view is required") : BlockKitLimits.view(view);
        if (!errors.isEmpty()) {
            return invalid("invalid_arguments", errors);
        }
        long n = viewsOpened.getAndIncrement();
        String id = n == 0 ? "V0OPENED" : "V0OPENED" + n;
        return opened(id, view);
    }

    /** Slack's views.update: a known view id, the hash of its current version when one is given, a valid view. */
    private String viewsUpdate(Function<String, String> param) {
        JsonNode view = json(param.apply("view"));
        String id = param.apply("view_id");
        if (id == null || !viewHashes.containsKey(id)) {
            return error("not_found");
        }
        String hash = param.apply("hash");
        if (hash != null && !hash.equals(viewHashes.get(id))) {
            return error("hash_conflict");
        }
        List<String> errors = view == null ? List.of("view is required") : BlockKitLimits.view(view);
        return errors.isEmpty() ? opened(id, view) : invalid("invalid_arguments", errors);
    }

    private String opened(String id, JsonNode view) {
        String hash = clock.get().getEpochSecond() + "." + Long.toHexString(viewVersions.incrementAndGet() * 7919 + 17);
        viewHashes.put(id, hash);
        views.put(id, view);
        return "{\"ok\":true,\"view\":{\"id\":\"" + id + "\",\"hash\":\"" + hash + "\"}}";
    }

    /** The current version of an open view, as the last views.open or views.update left it. */
    public synchronized JsonNode view(String id) {
        return views.get(id);
    }

    /** The person closed the view, or sent it: an update after this is not_found. */
    public synchronized void closeView(String id) {
        viewHashes.remove(id);
        views.remove(id);
    }

    private static JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String error(String error) {
        return "{\"ok\":false,\"error\":\"" + error + "\"}";
    }

    private static String invalid(String error, List<String> messages) {
        ObjectNode out = JSON.createObjectNode().put("ok", false).put("error", error);
        ArrayNode m = out.putObject("response_metadata").putArray("messages");
        messages.forEach(m::add);
        return out.toString();
    }
}
