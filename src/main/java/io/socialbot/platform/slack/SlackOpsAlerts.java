package io.socialbot.platform.slack;

import com.slack.api.bolt.App;
import io.socialbot.platform.ops.OpsAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/** Ops alerts: always logged, and posted to {@code socialbot.slack.ops-channel} when Slack and the channel are set. */
final class SlackOpsAlerts implements OpsAlerts {

    private static final Logger log = LoggerFactory.getLogger(SlackOpsAlerts.class);

    private final ObjectProvider<App> app;
    private final String channel;

    SlackOpsAlerts(ObjectProvider<App> app, String channel) {
        this.app = app;
        this.channel = channel;
    }

    @Override
    public void alert(String message) {
        log.warn("ops: {}", message);
        App slack = app.getIfAvailable();
        if (slack == null || channel == null || channel.isBlank()) {
            return;
        }
        try {
            var answer = slack.client().chatPostMessage(r -> r.channel(channel)
                    .text(":warning: socialbot " + SlackText.escape(message)));
            if (!answer.isOk()) {
                log.warn("Slack: could not post to the ops channel ({})", answer.getError());
            }
        } catch (Exception e) {
            log.warn("Slack: could not post to the ops channel ({})", e.getClass().getSimpleName());
        }
    }
}
