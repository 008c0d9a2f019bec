package io.socialbot.support.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the body of a captured Slack call: form fields, or the fields of a JSON body. */
final class SlackCallBody {

    private SlackCallBody() {
    }

    /** Form fields decoded (Web API calls are form-encoded by the Java SDK unless JSON was used). */
    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.startsWith("{")) {
            return out;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    /** A JSON parameter's raw text as plain JSON text, so {@code <} reads as {@code <}; unparseable text as is. */
    static String json(String raw) {
        try {
            return raw == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw).toString();
        } catch (java.io.IOException e) {
            return raw;
        }
    }

    /** A parameter from a form body, or a field of a JSON body (objects and arrays as JSON text). */
    static String param(String body, String name) {
        if (body.startsWith("{")) {
            try {
                com.fasterxml.jackson.databind.JsonNode node =
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get(name);
                return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return form(body).get(name);
    }
}
