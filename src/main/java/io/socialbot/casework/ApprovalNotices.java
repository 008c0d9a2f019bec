package io.socialbot.casework;

import java.util.Optional;

/** Where approvals are asked for and answered (Slack in production): the approvals channel and the agent. */
public interface ApprovalNotices {

    /** Posts the request with Approve / Edit / Reject; the message's channel and ts, or empty when it failed. */
    Optional<Posted> request(Approval approval, Optional<CaseView> view);

    /**
     * A lead decided: the request's buttons give way to the decision, and the agent hears it privately (with the
     * lead's note when returned). {@code sent} is how the send went for an approval, null for a rejection.
     */
    void decided(Approval approval, ReplySender.ReplyOutcome sent);

    /**
     * A posted request that could not be recorded in time (or at all): it holds nothing, so its buttons give way to
     * a line saying so; the agent is told to send again.
     */
    void withdrawn(Approval approval, Posted posted);

    /** A posted request. */
    record Posted(String channel, String ts) {
    }
}
