package io.socialbot.casework.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.socialbot.casework.Approval;
import io.socialbot.casework.ReplyApprovals;
import io.socialbot.casework.ReplyLength;
import io.socialbot.casework.ReplySender;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.access.Role;
import io.socialbot.platform.slack.SlackListeners;
import io.socialbot.platform.slack.SlackText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approve / Edit / Reject on an approval request, for leads only. Approve acks at once and decides after; Edit and
 * Reject open a modal first (Slack's trigger lasts 3 s) whose submission decides. Every answer is private.
 */
final class ApprovalSlackListeners implements SlackListeners {

    private static final Logger log = LoggerFactory.getLogger(ApprovalSlackListeners.class);

    static final String APPROVE = "approval_approve";
    static final String EDIT = "approval_edit";
    static final String REJECT = "approval_reject";
    static final String EDIT_MODAL = "approval_edit_modal";
    static final String REJECT_MODAL = "approval_reject_modal";
    static final String BLOCK = "approval";
    static final String INPUT = "text";

    private final ReplyApprovals approvals;
    private final ReplyLength length;
    private final AccessPolicy access;
    private final AfterAck afterAck;

    ApprovalSlackListeners(ReplyApprovals approvals, ReplyLength length, AccessPolicy access, ExecutorService executor) {
        this.approvals = approvals;
        this.length = length;
        this.access = access;
        this.afterAck = new AfterAck(executor);
    }

    @Override
    public List<String> commands() {
        return List.of();
    }

    @Override
    public void register(App app) {
        app.blockAction(APPROVE, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String id = req.getPayload().getActions().get(0).getValue();
            later(ctx, () -> access.has(user, Role.LEAD) ? answer(approvals.approve(id, user, null))
                    : AccessPolicy.refusal(Role.LEAD));
            return ctx.ack();
        });
        app.blockAction(EDIT, (req, ctx) -> modal(req.getPayload().getUser().getId(),
                req.getPayload().getActions().get(0).getValue(), req.getPayload().getTriggerId(), ctx, true));
        app.blockAction(REJECT, (req, ctx) -> modal(req.getPayload().getUser().getId(),
                req.getPayload().getActions().get(0).getValue(), req.getPayload().getTriggerId(), ctx, false));
        app.viewSubmission(EDIT_MODAL, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String text = value(req.getPayload().getView());
            String problem = !access.has(user, Role.LEAD) ? AccessPolicy.refusal(Role.LEAD) : length.problem(text);
            if (problem != null) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(BLOCK, problem)));
            }
            String id = req.getPayload().getView().getPrivateMetadata();
            tellLater(ctx.client(), user, () -> answer(approvals.approve(id, user, text)));
            return ctx.ack();
        });
        app.viewSubmission(REJECT_MODAL, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String note = value(req.getPayload().getView());
            String problem = !access.has(user, Role.LEAD) ? AccessPolicy.refusal(Role.LEAD)
                    : note.isBlank() ? "Say what to change, so the agent can fix it." : null;
            if (problem != null) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(BLOCK, problem)));
            }
            String id = req.getPayload().getView().getPrivateMetadata();
            tellLater(ctx.client(), user, () -> answer(approvals.reject(id, user, note)));
            return ctx.ack();
        });
    }

    private com.slack.api.bolt.response.Response modal(String user, String id, String trigger, ActionContext ctx,
                                                       boolean edit)
            throws java.io.IOException, com.slack.api.methods.SlackApiException {
        if (!access.has(user, Role.LEAD)) {
            later(ctx, () -> AccessPolicy.refusal(Role.LEAD));
            return ctx.ack();
        }
        Optional<Approval> approval = approvals.find(id);
        if (approval.isEmpty() || approval.get().status() != Approval.Status.PENDING) {
            later(ctx, () -> approval.map(ApprovalSlackListeners::taken).orElse(GONE));
            return ctx.ack();
        }
        var opened = ctx.client().viewsOpen(r -> r.triggerId(trigger).view(view(approval.get(), edit)));
        if (!opened.isOk()) {
            String error = opened.getError();
            later(ctx, () -> "Slack refused the window (" + error + "); press the button again.");
        }
        return ctx.ack();
    }

    static View view(Approval a, boolean edit) {
        String quoted = "*Reply by <@" + SlackText.escape(a.agent(), 40) + ">* on case `" + SlackText.escape(a.caseKey(), 200)
                + "`:\n" + SlackText.quote(a.text(), 2_500);
        return com.slack.api.model.view.Views.view(v -> v.type("modal").callbackId(edit ? EDIT_MODAL : REJECT_MODAL)
                .privateMetadata(a.id())
                .title(viewTitle(t -> t.type("plain_text").text(edit ? "Edit and approve" : "Return to agent")))
                .submit(viewSubmit(t -> t.type("plain_text").text(edit ? "Approve and send" : "Return")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText(quoted))),
                        input(i -> i.blockId(BLOCK)
                                .label(plainText(edit ? "The reply as it will be sent (280 as X counts)"
                                        : "What should the agent change?"))
                                .element(plainTextInput(e -> e.actionId(INPUT).multiline(true).maxLength(3_000)
                                        .initialValue(edit ? a.text() : null)))))));
    }

    private static String value(View view) {
        ViewState.Value v = view.getState().getValues().getOrDefault(BLOCK, Map.of()).get(INPUT);
        return v == null || v.getValue() == null ? "" : v.getValue().strip();
    }

    static String answer(ReplyApprovals.Result result) {
        if (result instanceof ReplyApprovals.Done done) {
            return done.sent() == null ? "Returned to <@" + SlackText.escape(done.approval().agent(), 40)
                    + "> with your note." : decision(done.approval(), done.sent());
        }
        if (result instanceof ReplyApprovals.WaitsAgain again) {
            return "Approved, but not sent: " + SlackText.escape(again.failure().agentMessage())
                    + (again.failure().retryAt() == null ? "" : " (after " + again.failure().retryAt() + ")")
                    + ". The request waits again: press Approve to try once more.";
        }
        if (result instanceof ReplyApprovals.Taken taken) {
            return taken(taken.approval());
        }
        if (result instanceof ReplyApprovals.Refused refused) {
            return SlackText.escape(refused.why());
        }
        return GONE;
    }

    /**
     * A request no longer kept (lapsed before its post was confirmed, or past its keeping): the agent may think it
     * still waits, so the lead is told nothing was sent and who can send it again.
     */
    static final String GONE = "That approval request is gone (it lapsed, or its post was never confirmed): nothing "
            + "was sent, and the case is free. Ask the agent named on it to Send the reply again if the customer "
            + "still needs it.";

    /** What the agent hears when the gate held their reply. */
    static String held(ReplyApprovals.Hold hold, String key) {
        if (hold instanceof ReplyApprovals.Held h) {
            return "Not sent yet: this reply needs a lead's approval (" + SlackText.escape(h.approval().reason())
                    + "). It is in the approvals channel; you will hear here when a lead decides.";
        }
        if (hold instanceof ReplyApprovals.AlreadyWaiting) {
            return "A reply on case `" + SlackText.escape(key, 200) + "` is already waiting for a lead's approval; "
                    + "nothing new was sent or queued. (A request that never reached the approvals channel frees the "
                    + "case within " + ReplyApprovals.POST_WITHIN.toMinutes() + " minutes.)";
        }
        return "Not sent: " + SlackText.escape(((ReplyApprovals.NotPosted) hold).reason())
                + ". Your text is kept on the case; try again in a moment.";
    }

    static String taken(Approval a) {
        return "Already " + (a.status() == Approval.Status.APPROVED ? "approved" : "returned") + " by <@"
                + SlackText.escape(a.decidedBy() == null ? "?" : a.decidedBy(), 40) + ">: nothing more was sent.";
    }

    /** The line that replaces the buttons once decided. */
    static String decision(Approval a, ReplySender.ReplyOutcome sent) {
        String lead = "<@" + SlackText.escape(a.decidedBy(), 40) + ">";
        if (a.status() == Approval.Status.REJECTED) {
            return ":leftwards_arrow_with_hook: Returned to <@" + SlackText.escape(a.agent(), 40) + "> by " + lead
                    + ": " + SlackText.inert(a.note(), 2_000);
        }
        if (sent instanceof ReplySender.Sent s) {
            return ":white_check_mark: Approved by " + lead + " and sent" + (s.url() == null ? "." : ": "
                    + SlackText.escape(s.url()));
        }
        if (definitelyNotSent(sent)) {
            return ":x: Approved by " + lead + ", but not sent: " + SlackText.escape(((ReplySender.Failed) sent)
                    .agentMessage());
        }
        String why = sent instanceof ReplySender.Unknown u ? u.agentMessage()
                : sent instanceof ReplySender.Failed f ? f.agentMessage() : "";
        return ":warning: Approved by " + lead + "; the send is not confirmed: " + SlackText.escape(why);
    }

    /** A failure that says for sure nothing reached X (not one that leaves an earlier send in doubt). */
    private static boolean definitelyNotSent(ReplySender.ReplyOutcome sent) {
        return sent instanceof ReplySender.Failed f && f.kind() != ReplySender.FailureKind.IN_DOUBT
                && f.kind() != ReplySender.FailureKind.ALREADY_ON_X;
    }

    /** What the agent hears. */
    static String toAgent(Approval a, ReplySender.ReplyOutcome sent) {
        String lead = "<@" + SlackText.escape(a.decidedBy(), 40) + ">";
        String key = SlackText.escape(a.caseKey(), 200);
        if (a.status() == Approval.Status.REJECTED) {
            return lead + " returned your reply on case `" + key + "`: " + SlackText.inert(a.note(), 1_000)
                    + "\nYour text is kept on the case: press Reply on its post to edit it and send again.\n"
                    + SlackText.quote(a.text(), 1_500);
        }
        if (sent instanceof ReplySender.Sent s) {
            return "Your reply on case `" + key + "` was approved by " + lead + " and sent"
                    + (s.url() == null ? "." : ": " + SlackText.escape(s.url()));
        }
        if (definitelyNotSent(sent)) {
            return "Your reply on case `" + key + "` was approved by " + lead + ", but not sent: "
                    + SlackText.escape(((ReplySender.Failed) sent).agentMessage())
                    + " Your text is kept on the case.";
        }
        return "Your reply on case `" + key + "` was approved by " + lead + ", but the send is not confirmed: "
                + SlackText.escape(sent instanceof ReplySender.Unknown u ? u.agentMessage()
                : sent instanceof ReplySender.Failed f ? f.agentMessage() : "") + " Check the thread on X; if the "
                + "reply is not there, send it again with `/reply " + key + " --confirm <text>`.";
    }

    private void later(ActionContext ctx, Supplier<String> job) {
        afterAck.answer(ctx, job);
    }

    /** A direct message to {@code user}; Slack's {@code ok:false} is a failure too, not only an exception. */
    private void tellLater(MethodsClient client, String user, Supplier<String> job) {
        afterAck.answer(text -> {
            var sent = client.chatPostMessage(q -> q.channel(user).text(text));
            if (!sent.isOk()) {
                // Slack's error code only: the exception's text could quote the message
                log.warn("Could not tell {} of an approval: chat.postMessage answered {}", user, sent.getError());
            }
        }, job);
    }
}
