package io.socialbot.casework.slack;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.ViewState;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.ReplyLength;
import io.socialbot.platform.slack.SlackText;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply modal's Send: length and permission checked in the ack (shown on the input), the reply sent on X
 * after it, once per view (a re-sent submission has the same view id and hash), and the outcome told privately.
 */
final class ReplySubmissionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReplySubmissionHandler.class);

    private final CaseWork work;
    private final CaseAnswers answers;
    private final ReplyLength length;
    private final AfterAck later;

    ReplySubmissionHandler(CaseWork work, CaseAnswers answers, ReplyLength length, AfterAck later) {
        this.work = work;
        this.answers = answers;
        this.length = length;
        this.later = later;
    }

    void register(App app) {
        app.viewSubmission(ReplyModal.CALLBACK, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String key = req.getPayload().getView().getPrivateMetadata();
            ViewState.Value input = req.getPayload().getView().getState().getValues()
                    .getOrDefault(ReplyModal.BLOCK, Map.of()).get(ReplyModal.INPUT);
            String text = input == null || input.getValue() == null ? "" : input.getValue().trim();
            String problem = length.problem(text);
            if (problem != null) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(ReplyModal.BLOCK, problem)));
            }
            Optional<String> refusal;
            try {
                refusal = answers.replyRefusal(key, user);
            } catch (RuntimeException e) {
                log.error("Reply check for case {} failed: {}", key, e.toString());
                refusal = Optional.of(CaseAnswers.FAILED.formatted(e.getClass().getSimpleName()));
            }
            if (refusal.isPresent()) {
                String shown = refusal.get();
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(ReplyModal.BLOCK, shown)));
            }
            String requestId = "slack-view:" + req.getPayload().getView().getId() + ":" + req.getPayload().getView().getHash();
            MethodsClient client = ctx.client();
            later.run(() -> send(client, key, user, text, requestId));
            return ctx.ack();
        });
    }

    private void send(MethodsClient client, String key, String user, String text, String requestId) {
        String outcome;
        String channel = user;
        try {
            outcome = answers.reply(key, user, text, requestId);
            channel = work.find(key).map(c -> c.channelId() != null ? c.channelId() : c.channel()).orElse(user);
        } catch (RuntimeException e) {
            log.error("Reply on case {} failed: {}", key, e.toString());
            outcome = CaseAnswers.FAILED.formatted(e.getClass().getSimpleName()) + " Your text: "
                    + SlackText.inert(text, 2_900);
        }
        String where = channel;
        String told = outcome;
        try {
            var r = client.chatPostEphemeral(q -> q.channel(where).user(user).text(told));
            if (!r.isOk()) {
                // not in the case's channel, say: a direct message still reaches the agent
                client.chatPostMessage(q -> q.channel(user).text(told));
            }
        } catch (Exception e) {
            log.warn("Could not tell {} how the reply went: {}", user, e.getClass().getSimpleName());
        }
    }
}
