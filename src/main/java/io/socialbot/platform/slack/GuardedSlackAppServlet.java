package io.socialbot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet with one guard for every listener: an unsupported content type is a 415 naming it, a payload Bolt
 * cannot parse or a listener cannot use (a missing field, an empty list) a 400, Slack or a {@code response_url}
 * out of reach a 503, and a slash command whose listener fails a private error message. Never a 500.
 */
final class GuardedSlackAppServlet extends SlackAppServlet {

    private static final Logger log = LoggerFactory.getLogger(GuardedSlackAppServlet.class);
    /** What Slack sends: slash commands and interactions are form-encoded, the Events API is JSON. */
    static final Set<String> CONTENT_TYPES = Set.of("application/x-www-form-urlencoded", "application/json");

    private final App app;
    private final SlackAppServletAdapter adapter;

    GuardedSlackAppServlet(App app) {
        super(app);
        this.app = app;
        this.adapter = new SlackAppServletAdapter(app.config());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = mediaType(req.getContentType());
        if (!type.isEmpty() && !CONTENT_TYPES.contains(type)) {
            // checked before the signature: Bolt would read a multipart body differently and call it forged
            write(resp, 415, "{\"error\":\"content type " + (type.isEmpty() ? "(none)" : jsonSafe(type))
                    + " is not supported: Slack sends application/x-www-form-urlencoded or application/json\"}");
            return;
        }
        Response answer;
        boolean command = false;
        try {
            Request<?> slackRequest = adapter.buildSlackRequest(req);
            if (slackRequest == null) {
                write(resp, 400, "{\"error\":\"malformed request\"}");
                return;
            }
            command = slackRequest.getRequestType() == com.slack.api.bolt.request.RequestType.Command;
            answer = app.run(slackRequest);
        } catch (Exception e) {
            answer = refusal(req, e, command);
        }
        if (answer.getStatusCode() != null && answer.getStatusCode() >= 500 && answer.getStatusCode() != 503) {
            log.info("Slack request from {} answered {} by a listener; sent as 400", req.getRemoteAddr(),
                    answer.getStatusCode());
            answer = Response.builder().statusCode(400).contentType("application/json")
                    .body("{\"error\":\"request could not be handled\"}").build();
        }
        if (resp.isCommitted()) {
            return;
        }
        adapter.writeResponse(resp, answer);
    }

    /** What a request gets when Bolt or a listener throws on it. */
    private static Response refusal(HttpServletRequest req, Exception e, boolean command) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        boolean unreachable = cause instanceof IOException || cause instanceof SlackApiException;
        log.info("Slack request from {} failed in a listener: {}", req.getRemoteAddr(), cause.getClass().getSimpleName());
        if (command) {
            // a slash command's body is shown to the user who ran it, and to no one else
            return Response.builder().statusCode(200).contentType("application/json")
                    .body("{\"response_type\":\"ephemeral\",\"text\":\"Sorry, that failed on our side ("
                            + cause.getClass().getSimpleName() + "). Try again in a moment.\"}").build();
        }
        if (unreachable) {
            return Response.builder().statusCode(503).contentType("application/json")
                    .headers(java.util.Map.of("Retry-After", java.util.List.of("5")))
                    .body("{\"error\":\"Slack could not be reached; try again\"}").build();
        }
        return Response.builder().statusCode(400).contentType("application/json")
                .body("{\"error\":\"malformed request\"}").build();
    }

    private static void write(HttpServletResponse resp, int status, String json) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getWriter().write(json);
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String jsonSafe(String s) {
        String clipped = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return clipped.replaceAll("[^A-Za-z0-9./+_-]", "?");
    }
}
