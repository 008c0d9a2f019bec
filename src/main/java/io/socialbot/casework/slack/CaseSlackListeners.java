package io.socialbot.casework.slack;

import com.slack.api.bolt.App;
import io.socialbot.casework.CaseView;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.CurrentIncident;
import io.socialbot.casework.ReplyApprovals;
import io.socialbot.casework.ReplyLength;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.slack.SlackListeners;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Casework in Slack, composed from thin handlers: the slash commands, the Claim / Resolve buttons, the Reply
 * button and its modal. Each acks at once and answers privately to whoever asked.
 */
final class CaseSlackListeners implements SlackListeners {

    private final CaseCommandHandler commands;
    private final CaseButtonHandler buttons;
    private final ReplyButtonHandler replyButton;
    private final ReplySubmissionHandler replySubmission;

    CaseSlackListeners(CaseWork work, ReplySuggestions suggestions, ReplyLength length, AccessPolicy access,
                       CurrentIncident incident, ExecutorService executor) {
        this(work, suggestions, length, access, incident, executor, null, null);
    }

    /**
     * @param drafts    adds the language model's drafts to an open Reply modal; null when drafting is off
     * @param approvals holds the replies a lead must approve; null when approvals are off
     */
    CaseSlackListeners(CaseWork work, ReplySuggestions suggestions, ReplyLength length, AccessPolicy access,
                       CurrentIncident incident, ExecutorService executor, DraftModalUpdater drafts,
                       ReplyApprovals approvals) {
        CaseAnswers answers = new CaseAnswers(work, access, approvals);
        AfterAck later = new AfterAck(executor);
        this.commands = new CaseCommandHandler(answers, access, later);
        this.buttons = new CaseButtonHandler(answers, access, later);
        this.replyButton = new ReplyButtonHandler(work, answers, suggestions, incident, later, drafts);
        this.replySubmission = new ReplySubmissionHandler(work, answers, length, later);
    }

    @Override
    public List<String> commands() {
        return CaseCommandHandler.COMMANDS;
    }

    @Override
    public void register(App app) {
        commands.register(app);
        buttons.register(app);
        replyButton.register(app);
        replySubmission.register(app);
    }

    /** The reply modal as Slack receives it, for tests. */
    String replyModal(String key, Optional<CaseView> view) {
        return replyButton.modalJson(key, view);
    }
}
