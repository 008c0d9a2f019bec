package io.socialbot.platform.slack;

import com.slack.api.methods.MethodsClient;
import io.socialbot.platform.ops.OpsAlerts;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path to the ops channel: every alert is logged, and posted to {@code socialbot.slack.ops-channel} when
 * Slack and the channel are set, escaped (an alert may quote a case key or a Slack error) and within Slack's length.
 * Callers that may repeat themselves (the outbox) decide "once per case and kind" before they call.
 */
public final class SlackOpsAlerts implements OpsAlerts {

    private static final Logger log = LoggerFactory.getLogger(SlackOpsAlerts.class);
    /** Far below chat.postMessage's 40,000 for text, and a screenful. */
    static final int LIMIT = 3_000;

    private final Supplier<MethodsClient> slack;
    private final String channel;

    /** @param slack the Web API client, or null when there is no Slack (no bot token) */
    public SlackOpsAlerts(Supplier<MethodsClient> slack, String channel) {
        this.slack = slack;
        this.channel = channel;
    }

    @Override
    public void alert(String message) {
        log.warn("ops: {}", message);
        MethodsClient client = slack.get();
        if (client == null || channel == null || channel.isBlank()) {
            return;
        }
        try {
            var answer = client.chatPostMessage(r -> r.channel(channel).unfurlLinks(false).unfurlMedia(false)
                    .text(":warning: socialbot: " + SlackText.escape(message, LIMIT)));
            if (!answer.isOk()) {
                log.warn("Slack: could not post to the ops channel ({})", answer.getError());
            }
        } catch (Exception e) {
            log.warn("Slack: could not post to the ops channel ({})", e.getClass().getSimpleName());
        }
    }
}
