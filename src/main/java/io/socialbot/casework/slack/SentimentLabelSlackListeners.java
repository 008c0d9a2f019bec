package io.socialbot.casework.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import io.socialbot.casework.CaseSentimentLabels;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.access.Role;
import io.socialbot.platform.slack.SlackListeners;
import io.socialbot.platform.slack.SlackText;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The sentiment menu on a case post: ack, check the agent role, keep the label, answer the agent privately. Any
 * agent may label any post, claimed or not: a label changes nothing about the case.
 */
final class SentimentLabelSlackListeners implements SlackListeners {

    private final CaseSentimentLabels labels;
    private final AccessPolicy access;
    private final AfterAck later;

    SentimentLabelSlackListeners(CaseSentimentLabels labels, AccessPolicy access, ExecutorService executor) {
        this.labels = labels;
        this.access = access;
        this.later = new AfterAck(executor);
    }

    @Override
    public List<String> commands() {
        return List.of();
    }

    @Override
    public void register(App app) {
        app.blockAction(CaseBlocks.SENTIMENT, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String chosen = chosen(req.getPayload());
            if (chosen == null) {
                return ctx.ack(); // Slack sends a null option when the agent clears the menu: nothing to keep
            }
            // a value that is not one of the menu's own is refused as malformed (400), nothing kept
            Map.Entry<Label, String> choice = CaseBlocks.sentimentChoice(chosen)
                    .orElseThrow(() -> new IllegalArgumentException("not a sentiment menu choice"));
            Instant at = actionTime(req.getPayload().getActions().get(0).getActionTs());
            later.answer(ctx, () -> access.has(user, Role.AGENT)
                    ? answer(choice.getKey(), choice.getValue(), user, at) : AccessPolicy.refusal(Role.AGENT));
            return ctx.ack();
        });
    }

    /**
     * Slack's time of the choice ({@code action_ts}, Unix seconds with six decimals), the same whichever replica
     * handles it, so two quick choices keep their order; null when Slack sent none that reads.
     */
    static Instant actionTime(String actionTs) {
        if (actionTs == null || !actionTs.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return null;
        }
        String[] parts = actionTs.split("\\.");
        long nanos = parts.length < 2 ? 0 : Long.parseLong((parts[1] + "000000000").substring(0, 9));
        return Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
    }

    private static String chosen(BlockActionPayload payload) {
        BlockActionPayload.Action action = payload.getActions().get(0);
        return action.getSelectedOption() == null ? null : action.getSelectedOption().getValue();
    }

    private String answer(Label label, String key, String user, Instant at) {
        CaseSentimentLabels.Outcome outcome = labels.label(key, user, label, at);
        if (outcome instanceof CaseSentimentLabels.Superseded) {
            return "Someone labelled case `" + SlackText.escape(key, 300) + "` after you chose; their label is kept "
                    + "(the post shows it).";
        }
        if (!(outcome instanceof CaseSentimentLabels.Labelled labelled)) {
            return CaseAnswers.unknown(key);
        }
        SentimentLabel kept = labelled.label();
        String triage = kept.shown() == null ? "." : kept.agreed() ? ", as triage read it."
                : " (triage read it as " + SentimentLabel.name(kept.shown()) + ").";
        return "Thanks: case `" + SlackText.escape(key, 300) + "` labelled *" + SentimentLabel.name(label) + "*"
                + triage + " The team's labels measure and retrain the sentiment model (`labels`, then `eval` or "
                + "`train`).";
    }
}
