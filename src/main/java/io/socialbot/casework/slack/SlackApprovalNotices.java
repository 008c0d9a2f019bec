package io.socialbot.casework.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import io.socialbot.casework.Approval;
import io.socialbot.casework.ApprovalNotices;
import io.socialbot.casework.CaseView;
import io.socialbot.casework.ReplySender;
import io.socialbot.platform.slack.SlackText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approval requests in the approvals channel (the case, the customer's post and the reply, inert, with Approve /
 * Edit / Reject for leads), updated in place once decided; the agent hears the decision by direct message.
 */
final class SlackApprovalNotices implements ApprovalNotices {

    private static final Logger log = LoggerFactory.getLogger(SlackApprovalNotices.class);
    static final int QUOTE = 2_800;

    private final MethodsClient slack;
    private final String channel;

    SlackApprovalNotices(MethodsClient slack, String channel) {
        this.slack = slack;
        this.channel = channel;
    }

    @Override
    public Optional<Posted> request(Approval approval, Optional<CaseView> view) {
        List<LayoutBlock> blocks = blocks(approval, view);
        blocks.add(actions(a -> a.blockId("approval").elements(List.of(
                button(b -> b.actionId(ApprovalSlackListeners.APPROVE).value(approval.id()).style("primary")
                        .text(plainText("Approve"))),
                button(b -> b.actionId(ApprovalSlackListeners.EDIT).value(approval.id()).text(plainText("Edit"))),
                button(b -> b.actionId(ApprovalSlackListeners.REJECT).value(approval.id()).style("danger")
                        .text(plainText("Reject")))))));
        try {
            var r = slack.chatPostMessage(q -> q.channel(channel).blocks(blocks)
                    .text("Approval needed on case " + approval.caseKey()));
            if (r.isOk()) {
                return Optional.of(new Posted(r.getChannel(), r.getTs()));
            }
            log.warn("Approval request for case {} refused by Slack: {}", approval.caseKey(), r.getError());
        } catch (Exception e) {
            log.warn("Approval request for case {} not posted: {}", approval.caseKey(), e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    @Override
    public void withdrawn(Approval approval, Posted posted) {
        List<LayoutBlock> blocks = blocks(approval, Optional.empty());
        String line = ":no_entry_sign: Withdrawn: this request could not be recorded in time, so it holds nothing. "
                + "<@" + SlackText.escape(approval.agent(), 40) + "> was told to send the reply again.";
        blocks.add(context(c -> c.elements(List.of(markdownText(line)))));
        try {
            var r = slack.chatUpdate(q -> q.channel(posted.channel()).ts(posted.ts()).blocks(blocks).text(line));
            if (!r.isOk()) {
                log.warn("Withdrawn approval {} message not updated: {}", approval.id(), r.getError());
            }
        } catch (Exception e) {
            log.warn("Withdrawn approval {} message not updated: {}", approval.id(), e.getClass().getSimpleName());
        }
    }

    @Override
    public void decided(Approval approval, ReplySender.ReplyOutcome sent) {
        String line = ApprovalSlackListeners.decision(approval, sent);
        List<LayoutBlock> blocks = blocks(approval, Optional.empty());
        blocks.add(context(c -> c.elements(List.of(markdownText(SlackText.clip(line, 3_000))))));
        try {
            if (approval.channel() != null && approval.messageTs() != null) {
                var r = slack.chatUpdate(q -> q.channel(approval.channel()).ts(approval.messageTs()).blocks(blocks)
                        .text(line));
                if (!r.isOk()) {
                    log.warn("Approval {} message not updated: {}", approval.id(), r.getError());
                }
            }
        } catch (Exception e) {
            log.warn("Approval {} message not updated: {}", approval.id(), e.getClass().getSimpleName());
        }
        String told = ApprovalSlackListeners.toAgent(approval, sent);
        try {
            var r = slack.chatPostMessage(q -> q.channel(approval.agent()).text(told));
            if (!r.isOk()) {
                log.warn("Agent not told of approval {}: {}", approval.id(), r.getError());
            }
        } catch (Exception e) {
            log.warn("Agent not told of approval {}: {}", approval.id(), e.getClass().getSimpleName());
        }
    }

    private static List<LayoutBlock> blocks(Approval approval, Optional<CaseView> view) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String head = ":raised_hand: *Approval needed* (" + SlackText.escape(approval.reason(), 300) + ") on case `"
                + SlackText.escape(approval.caseKey(), 300) + "`"
                + view.map(v -> (v.c().priority() == null ? "" : " · " + v.c().priority().name()) + " · @"
                        + SlackText.isolated(v.mention().author().handle(), CaseBlocks.HANDLE)).orElse("");
        blocks.add(section(s -> s.text(markdownText(SlackText.clip(head, CaseBlocks.SECTION_TEXT)))));
        view.ifPresent(v -> blocks.add(section(s -> s.text(markdownText("*Customer:*\n"
                + SlackText.quote(v.mention().text(), QUOTE))))));
        String reply = "*Reply by <@" + SlackText.escape(approval.agent(), 40) + ">:*\n"
                + SlackText.quote(approval.text(), QUOTE);
        blocks.add(section(s -> s.text(markdownText(reply))));
        if (approval.resendConfirmed()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":mag: An earlier send on this case was in doubt; "
                    + "the agent checked the thread on X and confirmed it is not there, so approving sends this one.")))));
        }
        return blocks;
    }
}
