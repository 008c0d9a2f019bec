package io.socialbot.incident.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import io.socialbot.incident.Digest;
import io.socialbot.incident.DigestChart;
import io.socialbot.incident.DigestPublisher;
import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the digest text with chat.postMessage, then uploads the chart into its thread (files.getUploadURLExternal,
 * the upload, files.completeUploadExternal, which the SDK's filesUploadV2 does in turn). A failed text post throws
 * so the slot is retried; a failed chart upload only logs, since re-posting would duplicate the text.
 */
final class SlackDigestPublisher implements DigestPublisher {

    private static final Logger log = LoggerFactory.getLogger(SlackDigestPublisher.class);

    private final Supplier<MethodsClient> client;
    private final DigestChart chart;

    public SlackDigestPublisher(Supplier<MethodsClient> client, DigestChart chart) {
        this.client = client;
        this.chart = chart;
    }

    @Override
    public void post(String channel, Digest digest) {
        MethodsClient slack = client.get();
        String ts;
        try {
            var posted = slack.chatPostMessage(r -> r.channel(channel).text(digest.text()).mrkdwn(true)
                    .unfurlLinks(false));
            if (!posted.isOk()) {
                throw new IllegalStateException("chat.postMessage failed: " + posted.getError());
            }
            ts = posted.getTs();
        } catch (IOException | SlackApiException e) {
            throw new IllegalStateException("chat.postMessage failed: " + e.getMessage(), e);
        }
        try {
            byte[] png = chart.png(digest.figures());
            var uploaded = slack.filesUploadV2(r -> r.channel(channel).threadTs(ts).fileData(png)
                    .filename("digest-" + digest.incident() + ".png").title("Mentions per hour, " + digest.incident()));
            if (!uploaded.isOk()) {
                log.warn("Digest chart for {} not uploaded: {}", digest.incident(), uploaded.getError());
            }
        } catch (IOException | SlackApiException | RuntimeException e) {
            log.warn("Digest chart for {} not uploaded: {}", digest.incident(), e.toString());
        }
    }
}
