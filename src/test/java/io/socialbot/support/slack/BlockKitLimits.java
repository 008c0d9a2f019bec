package io.socialbot.support.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack's documented Block Kit limits, checked as Slack checks them: what Slack would refuse with
 * {@code invalid_blocks} (messages) or {@code invalid_arguments} (views). Lengths are in characters.
 */
final class BlockKitLimits {

    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;
    static final int SECTION_TEXT = 3_000;
    static final int HEADER_TEXT = 150;
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_VALUE = 2_000;
    static final int OPTION_TEXT = 75;
    /** The option object's value, and a select's placeholder and options (docs.slack.dev, Block Kit reference). */
    static final int OPTION_VALUE = 150;
    static final int PLACEHOLDER_TEXT = 150;
    static final int SELECT_OPTIONS = 100;
    static final int VIEW_TITLE = 24;
    static final int CONTEXT_ELEMENTS = 10;
    static final int TEXT_OBJECT = 3_000;
    static final int PRIVATE_METADATA = 3_000;

    private BlockKitLimits() {
    }

    /** What breaks a limit in a message's blocks; empty when Slack would take them. */
    static List<String> message(JsonNode blocks) {
        List<String> errors = new ArrayList<>();
        if (blocks == null || blocks.isNull()) {
            return errors;
        }
        if (blocks.size() > MESSAGE_BLOCKS) {
            errors.add("no more than " + MESSAGE_BLOCKS + " items allowed [json-pointer:/blocks]");
        }
        blocks(blocks, "/blocks", errors);
        return errors;
    }

    /** What breaks a limit in a modal view. */
    static List<String> view(JsonNode view) {
        List<String> errors = new ArrayList<>();
        JsonNode blocks = view.path("blocks");
        if (blocks.size() > VIEW_BLOCKS) {
            errors.add("no more than " + VIEW_BLOCKS + " items allowed [json-pointer:/view/blocks]");
        }
        max(view.path("title").path("text"), VIEW_TITLE, "/view/title/text", errors);
        max(view.path("submit").path("text"), VIEW_TITLE, "/view/submit/text", errors);
        max(view.path("close").path("text"), VIEW_TITLE, "/view/close/text", errors);
        max(view.path("private_metadata"), PRIVATE_METADATA, "/view/private_metadata", errors);
        blocks(blocks, "/view/blocks", errors);
        return errors;
    }

    private static void blocks(JsonNode blocks, String at, List<String> errors) {
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode b = blocks.get(i);
            String here = at + "/" + i;
            switch (b.path("type").asText()) {
                case "section" -> {
                    max(b.path("text").path("text"), SECTION_TEXT, here + "/text/text", errors);
                    JsonNode fields = b.path("fields");
                    for (int f = 0; f < fields.size(); f++) {
                        max(fields.get(f).path("text"), 2_000, here + "/fields/" + f + "/text", errors);
                    }
                    element(b.path("accessory"), here + "/accessory", errors);
                }
                case "header" -> max(b.path("text").path("text"), HEADER_TEXT, here + "/text/text", errors);
                case "context" -> {
                    JsonNode elements = b.path("elements");
                    if (elements.size() > CONTEXT_ELEMENTS) {
                        errors.add("no more than " + CONTEXT_ELEMENTS + " items allowed [json-pointer:" + here + "/elements]");
                    }
                    for (int e = 0; e < elements.size(); e++) {
                        max(elements.get(e).path("text"), TEXT_OBJECT, here + "/elements/" + e + "/text", errors);
                    }
                }
                case "actions" -> {
                    JsonNode elements = b.path("elements");
                    for (int e = 0; e < elements.size(); e++) {
                        element(elements.get(e), here + "/elements/" + e, errors);
                    }
                }
                case "input" -> {
                    max(b.path("label").path("text"), 2_000, here + "/label/text", errors);
                    JsonNode el = b.path("element");
                    if (el.has("initial_value") && el.has("max_length")) {
                        max(el.path("initial_value"), el.path("max_length").asInt(), here + "/element/initial_value",
                                errors);
                    }
                    element(el, here + "/element", errors);
                }
                default -> {
                }
            }
        }
    }

    private static void element(JsonNode el, String at, List<String> errors) {
        if (el.isMissingNode()) {
            return;
        }
        if ("button".equals(el.path("type").asText())) {
            max(el.path("text").path("text"), BUTTON_TEXT, at + "/text/text", errors);
            max(el.path("value"), BUTTON_VALUE, at + "/value", errors);
        }
        max(el.path("placeholder").path("text"), PLACEHOLDER_TEXT, at + "/placeholder/text", errors);
        JsonNode options = el.path("options");
        if (options.size() > SELECT_OPTIONS) {
            errors.add("must provide no more than " + SELECT_OPTIONS + " items [json-pointer:" + at + "/options]");
        }
        boolean initialFound = false;
        for (int o = 0; o < options.size(); o++) {
            max(options.get(o).path("text").path("text"), OPTION_TEXT, at + "/options/" + o + "/text/text", errors);
            max(options.get(o).path("value"), OPTION_VALUE, at + "/options/" + o + "/value", errors);
            initialFound |= options.get(o).equals(el.path("initial_option"));
        }
        // Slack: initial_option must exactly match one of the options
        if (el.has("initial_option") && !el.path("initial_option").isNull() && !initialFound) {
            errors.add("initial_option must match one of the options [json-pointer:" + at + "/initial_option]");
        }
    }

    private static void max(JsonNode text, int limit, String at, List<String> errors) {
        if (text.isTextual() && text.asText().length() > limit) {
            errors.add("must be less than " + (limit + 1) + " characters [json-pointer:" + at + "]");
        }
    }
}
