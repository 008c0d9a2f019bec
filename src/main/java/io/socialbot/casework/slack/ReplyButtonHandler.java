package io.socialbot.casework.slack;

import com.slack.api.bolt.App;
import com.slack.api.util.json.GsonFactory;
import io.socialbot.casework.CaseView;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.CurrentIncident;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.platform.slack.SlackText;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Reply button: opens the reply modal with suggestions before the ack (views.open needs the trigger within
 * 3 s); a refused or failed window tells the agent what happened and how to reply instead.
 */
final class ReplyButtonHandler {

    private static final Logger log = LoggerFactory.getLogger(ReplyButtonHandler.class);

    private final CaseWork work;
    private final CaseAnswers answers;
    private final ReplySuggestions suggestions;
    private final CurrentIncident incident;
    private final AfterAck later;
    private final DraftModalUpdater drafts;

    /** @param drafts adds the language model's drafts to the open modal; null when drafting is off */
    ReplyButtonHandler(CaseWork work, CaseAnswers answers, ReplySuggestions suggestions, CurrentIncident incident,
                       AfterAck later, DraftModalUpdater drafts) {
        this.drafts = drafts;
        this.work = work;
        this.answers = answers;
        this.suggestions = suggestions;
        this.incident = incident;
        this.later = later;
    }

    void register(App app) {
        app.blockAction(CaseBlocks.REPLY, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String key = req.getPayload().getActions().get(0).getValue();
            String problem;
            try {
                Optional<String> refusal = answers.replyRefusal(key, user);
                if (refusal.isPresent()) {
                    later.answer(ctx, refusal::get);
                    return ctx.ack();
                }
                Optional<CaseView> view = work.view(key);
                List<String> suggested = suggestions(view);
                var opened = ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId())
                        .view(ReplyModal.view(key, view, suggested,
                                drafts == null ? ReplyModal.DraftPanel.NONE : drafts.opening(view))));
                if (opened.isOk()) {
                    if (drafts != null) {
                        drafts.fill(ctx.client(), opened.getView(), key, view, suggested, user); // after, never before
                    }
                    return ctx.ack();
                }
                problem = "Slack refused the reply window (" + opened.getError() + ")";
            } catch (Exception e) {
                log.warn("Reply window for case {} failed: {}", key, e.toString());
                problem = "The reply window could not be opened (" + e.getClass().getSimpleName() + ")";
            }
            String told = problem + ". Reply with `/reply " + SlackText.escape(key, 300)
                    + " your text` instead, or try the button again.";
            later.answer(ctx, () -> told);
            return ctx.ack();
        });
    }

    private List<String> suggestions(Optional<CaseView> view) {
        return view.map(v -> suggestions.suggest(v.mention().author().handle(), v.decision(),
                incident.latestUpdateText())).orElse(List.of());
    }

    /** The modal as Slack receives it, for tests. */
    String modalJson(String key, Optional<CaseView> view) {
        return GsonFactory.createSnakeCase().toJson(ReplyModal.view(key, view, suggestions(view)));
    }
}
