package io.socialbot.x;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import twitter4j.JSONArray;
import twitter4j.JSONException;
import twitter4j.JSONObject;
import twitter4j.TwitterException;

/**
 * X API v2's error answer as documented: a problem object ({@code title}, {@code detail}, {@code type},
 * {@code reason}) and/or an {@code errors} array; text is X's own words, never Twitter4J's canned prefix.
 */
record XProblem(int status, String title, String detail, String type, String reason, List<String> errors) {

    static final String TYPE_PREFIX = "https://api.twitter.com/2/problems/";

    /** The problem behind a refused call; an unparseable body keeps its text as the detail. */
    static XProblem of(TwitterException e) {
        String message = String.valueOf(e.getMessage());
        int brace = message.indexOf('{');
        if (brace >= 0) {
            try {
                return parse(e.getStatusCode(), new JSONObject(message.substring(brace)));
            } catch (JSONException notJson) {
                // fall through: keep X's text as it came
            }
        }
        int newline = message.indexOf('\n');
        String text = e.getStatusCode() != -1 && newline >= 0 ? message.substring(newline + 1) : message;
        return new XProblem(e.getStatusCode(), "", text.strip(), "", "", List.of());
    }

    static XProblem parse(int status, JSONObject body) {
        List<String> errors = new ArrayList<>();
        JSONArray array = body.optJSONArray("errors");
        if (array != null) {
            for (int i = 0; i < array.length(); i++) {
                JSONObject err = array.optJSONObject(i);
                if (err != null) {
                    errors.add(describe(err));
                }
            }
        }
        return new XProblem(status, body.optString("title", ""), body.optString("detail", ""),
                body.optString("type", ""), body.optString("reason", ""), List.copyOf(errors));
    }

    /** One {@code errors[]} entry as X words it: detail (or message), with its problem type's last segment. */
    static String describe(JSONObject err) {
        String detail = err.optString("detail", err.optString("message", err.optString("title", "")));
        String type = err.optString("type", "");
        String kind = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : "";
        return kind.isEmpty() ? detail : detail + " (" + kind + ")";
    }

    /** The documented problem type's last segment ({@code client-forbidden}, {@code usage-capped}, ...). */
    String kind() {
        return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : "";
    }

    /** Everything X said, lower case, for matching its documented phrases. */
    String text() {
        return (title + " " + detail + " " + reason + " " + String.join(" ", errors)).toLowerCase(Locale.ROOT);
    }

    /** X's words for a person: the detail, else the title, else the first error. */
    String words() {
        if (!detail.isBlank()) {
            return detail.strip();
        }
        if (!title.isBlank()) {
            return title.strip();
        }
        return errors.isEmpty() ? "HTTP " + status : errors.get(0);
    }
}
