package io.socialbot.support.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Slack requests as Slack sends them: form-encoded bodies signed with {@code v0:{timestamp}:{body}} under the
 * signing secret, for {@code app.run(...)} (or for an HTTP POST to {@code /slack/events}, with {@link #headers}).
 */
public final class SignedSlackRequests {

    public static final String SIGNING_SECRET = "test-signing-secret";
    public static final String TEAM = "T0TEST";

    private final String secret;
    private final Clock clock;
    private final String responseUrl;

    public SignedSlackRequests(String secret, Clock clock, String responseUrl) {
        this.secret = secret;
        this.clock = clock;
        this.responseUrl = responseUrl;
    }

    public SignedSlackRequests(SlackApiStub stub) {
        this(SIGNING_SECRET, Clock.systemUTC(), stub.responseUrl());
    }

    /** The form body of a slash command. */
    public String slashCommandBody(String command, String text, String userId, String channelId) {
        return form(Map.of(
                "token", "unused-legacy-token",
                "team_id", TEAM,
                "team_domain", "test",
                "channel_id", channelId,
                "channel_name", "care",
                "user_id", userId,
                "user_name", userId.toLowerCase(),
                "command", command,
                "text", text,
                "response_url", responseUrl))
                + "&trigger_id=" + enc("13345224609.738474920.8088930838d88f008e0");
    }

    public SlashCommandRequest slashCommand(String command, String text, String userId) {
        return slashCommand(command, text, userId, "C0CARE");
    }

    public SlashCommandRequest slashCommand(String command, String text, String userId, String channelId) {
        String body = slashCommandBody(command, text, userId, channelId);
        return new SlashCommandRequest(body, new RequestHeaders(headers(body)));
    }

    /** A block_actions payload for one button click. */
    public String blockActionBody(String actionId, String value, String userId, String channelId, String messageTs) {
        return actionsBody(userId, channelId, messageTs, """
                {"action_id":"%s","block_id":"case","type":"button","value":"%s",
                 "text":{"type":"plain_text","text":"button"},"action_ts":"1700000000.000200"}"""
                .formatted(actionId, jsonEscape(value)));
    }

    /** A block_actions body as Slack sends it for a click on a case post: the envelope around one action. */
    private String actionsBody(String userId, String channelId, String messageTs, String actionJson) {
        String payload = """
                {"type":"block_actions","team":{"id":"%s","domain":"test"},
                 "user":{"id":"%s","username":"%s","team_id":"%s"},
                 "api_app_id":"A0TEST","token":"unused","trigger_id":"1234.5678.abcd",
                 "container":{"type":"message","message_ts":"%s","channel_id":"%s","is_ephemeral":false},
                 "channel":{"id":"%s","name":"care"},
                 "message":{"type":"message","ts":"%s","text":"case"},
                 "response_url":"%s",
                 "actions":[%s]}
                """.formatted(TEAM, userId, userId.toLowerCase(), TEAM, messageTs, channelId, channelId, messageTs,
                responseUrl, actionJson);
        return "payload=" + enc(payload);
    }

    /**
     * A static select's block_actions payload as Slack sends it when an option is chosen: the action carries
     * {@code selected_option} and no {@code value}; a deselected menu sends {@code selected_option: null}.
     */
    public BlockActionRequest selectAction(String actionId, String optionValue, String userId, String channelId,
                                           String messageTs) {
        return selectAction(actionId, optionValue, userId, channelId, messageTs, "1700000000.000200");
    }

    /** {@link #selectAction} chosen at {@code actionTs} (Slack's {@code action_ts}: Unix seconds, six decimals). */
    public BlockActionRequest selectAction(String actionId, String optionValue, String userId, String channelId,
                                           String messageTs, String actionTs) {
        String body = selectActionBody(actionId, optionValue, userId, channelId, messageTs, actionTs);
        return new BlockActionRequest(body, payloadOf(body), new RequestHeaders(headers(body)));
    }

    /** The form body of {@link #selectAction}. */
    public String selectActionBody(String actionId, String optionValue, String userId, String channelId,
                                   String messageTs) {
        return selectActionBody(actionId, optionValue, userId, channelId, messageTs, "1700000000.000200");
    }

    private String selectActionBody(String actionId, String optionValue, String userId, String channelId,
                                    String messageTs, String actionTs) {
        String option = optionValue == null ? "null" : """
                {"text":{"type":"plain_text","text":"option","emoji":true},"value":"%s"}"""
                .formatted(jsonEscape(optionValue));
        return actionsBody(userId, channelId, messageTs, """
                {"action_id":"%s","block_id":"case","type":"static_select","selected_option":%s,
                 "placeholder":{"type":"plain_text","text":"menu","emoji":true},"action_ts":"%s"}"""
                .formatted(actionId, option, actionTs));
    }

    public BlockActionRequest blockAction(String actionId, String value, String userId, String channelId,
                                          String messageTs) {
        String body = blockActionBody(actionId, value, userId, channelId, messageTs);
        return new BlockActionRequest(body, payloadOf(body), new RequestHeaders(headers(body)));
    }

    /**
     * A view_submission payload. {@code stateValuesJson} is the JSON of {@code view.state.values}, e.g.
     * {@code {"reply":{"text":{"type":"plain_text_input","value":"Sorry!"}}}}.
     */
    public String viewSubmissionBody(String callbackId, String privateMetadata, String stateValuesJson, String userId) {
        String payload = """
                {"type":"view_submission","team":{"id":"%s","domain":"test"},
                 "user":{"id":"%s","username":"%s","team_id":"%s"},
                 "api_app_id":"A0TEST","token":"unused","trigger_id":"1234.5678.abcd",
                 "view":{"id":"V0TEST","team_id":"%s","type":"modal","callback_id":"%s",
                   "private_metadata":"%s","hash":"1700000000.abc",
                   "title":{"type":"plain_text","text":"Reply"},
                   "blocks":[],"state":{"values":%s}}}
                """.formatted(TEAM, userId, userId.toLowerCase(), TEAM, TEAM, callbackId, jsonEscape(privateMetadata),
                stateValuesJson);
        return "payload=" + enc(payload);
    }

    public ViewSubmissionRequest viewSubmission(String callbackId, String privateMetadata, String stateValuesJson,
                                                String userId) {
        String body = viewSubmissionBody(callbackId, privateMetadata, stateValuesJson, userId);
        return new ViewSubmissionRequest(body, payloadOf(body), new RequestHeaders(headers(body)));
    }

    /** Headers with a valid signature for {@code body} at the clock's current time. */
    public Map<String, List<String>> headers(String body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return headers(body, timestamp, new SlackSignature.Generator(secret).generate(timestamp, body));
    }

    public static Map<String, List<String>> headers(String body, String timestamp, String signature) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("content-type", List.of("application/x-www-form-urlencoded"));
        headers.put(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, List.of(timestamp));
        headers.put(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, List.of(signature));
        return headers;
    }

    private static String payloadOf(String body) {
        return java.net.URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(enc(k)).append('=').append(enc(v));
        });
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
