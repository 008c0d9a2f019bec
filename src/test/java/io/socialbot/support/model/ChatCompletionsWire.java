package io.socialbot.support.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The OpenAI chat-completions JSON {@link ChatCompletionsStub} speaks: request checks, answer and error bodies. */
final class ChatCompletionsWire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatCompletionsWire() {
    }

    /** The documented required fields: a model name, a non-empty messages array of role and string content. */
    static String invalid(JsonNode body, String contentType) {
        if (contentType == null || !contentType.startsWith("application/json")) {
            return "Content-Type must be application/json";
        }
        if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
            return "you must provide a model parameter";
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return "'messages' is a required property";
        }
        for (JsonNode m : messages) {
            String role = m.path("role").asText();
            if (!List.of("system", "developer", "user", "assistant").contains(role) || !m.path("content").isTextual()) {
                return "Invalid 'messages': each needs a role and string content";
            }
        }
        if (body.has("max_tokens") && (!body.path("max_tokens").isInt() || body.path("max_tokens").asInt() < 1)) {
            return "max_tokens must be a positive integer";
        }
        return null;
    }

    /** A chat.completion answering {@code content}, as OpenAI documents it. */
    static String completion(String model, ChatCompletionsStub.Content content) {
        ObjectNode out = JSON.createObjectNode().put("id", "chatcmpl-stub" + System.nanoTime())
                .put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000).put("model", model);
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content.content());
        choice.putNull("logprobs");
        choice.put("finish_reason", content.cutShort() ? "length" : "stop");
        out.putObject("usage").put("prompt_tokens", 412).put("completion_tokens", 96).put("total_tokens", 508);
        return out.toString();
    }

    /** OpenAI's error object. */
    static String error(String message, String type, String code) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode e = out.putObject("error").put("message", message).put("type", type);
        e.putNull("param");
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return out.toString();
    }

    /** An API key shown as OpenAI shows it in a 401: its first three and last four characters. */
    static String mask(String auth) {
        String key = auth == null ? "" : auth.replaceFirst("^Bearer ", "");
        return key.length() < 8 ? "***" : key.substring(0, 3) + "***" + key.substring(key.length() - 4);
    }
}
