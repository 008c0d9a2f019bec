package io.socialbot.casework.slack;

import io.socialbot.casework.Approval;
import io.socialbot.casework.ApprovalNotices;
import io.socialbot.casework.ReplySender;

/** Notices that do what the real ones do, but for the request, which each test's own notices override. */
abstract class ForwardingNotices implements ApprovalNotices {

    final ApprovalNotices real;

    ForwardingNotices(ApprovalNotices real) {
        this.real = real;
    }

    @Override
    public void decided(Approval approval, ReplySender.ReplyOutcome sent) {
        real.decided(approval, sent);
    }

    @Override
    public void withdrawn(Approval approval, Posted posted) {
        real.withdrawn(approval, posted);
    }
}
