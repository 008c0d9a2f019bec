package io.socialbot.casework;

import io.socialbot.casework.ApprovalStore.AlreadyDecided;
import io.socialbot.casework.ApprovalStore.Decided;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies a lead approves before they go out. A reply the {@link ApprovalRules} name is held and asked for in the
 * approvals channel; the first lead to decide (on any replica: an atomic claim in the store) approves it, as
 * written or edited, and it goes out through {@link CaseWork#reply}, the once-only path every reply takes, or
 * returns it to the agent with a note and the text kept on the case. The wait is timed as a {@link CaseEvent}.
 * A request holds its case only once its post is confirmed, or for {@link #POST_WITHIN} while it is being posted.
 */
public final class ReplyApprovals {

    private static final Logger log = LoggerFactory.getLogger(ReplyApprovals.class);

    /**
     * How long a request may take to reach the approvals channel (one {@code chat.postMessage}, well inside the
     * Slack client's timeouts). A request whose post is not confirmed by then holds nothing: a replica that died
     * between recording and posting frees the case after this, not after the 30 days a request is kept.
     */
    public static final Duration POST_WITHIN = Duration.ofMinutes(2);

    private final ApprovalRules rules;
    private final ApprovalStore store;
    private final ApprovalNotices notices;
    private final CaseWork work;
    private final ReplyLength length;
    private final CurrentIncident incident;
    private final List<CaseEventListener> listeners;
    private final Clock clock;

    public ReplyApprovals(ApprovalRules rules, ApprovalStore store, ApprovalNotices notices, CaseWork work,
                          ReplyLength length, CurrentIncident incident, List<CaseEventListener> listeners, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.notices = notices;
        this.work = work;
        this.length = length;
        this.incident = incident;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /** What happened to a reply the gate looked at. */
    public sealed interface Hold {
    }

    /** Waiting for a lead; {@code approval.reason()} says why. */
    public record Held(Approval approval) implements Hold {
    }

    /** This case already has a reply waiting, or one being posted (a second Send): nothing new was held. */
    public record AlreadyWaiting() implements Hold {
    }

    /** The request could not be posted to the approvals channel: nothing held, the text kept on the case. */
    public record NotPosted(String reason) implements Hold {
    }

    /**
     * Holds the reply when a rule says a lead must approve it; empty when it may go out now.
     *
     * @param agentIsLead     leads approve, so their own replies are never held
     * @param resendConfirmed the agent confirmed a resend after a send in doubt: the in-doubt guard is lifted only
     *                        when the approved reply is sent, never while it waits (the caller lifts it itself when
     *                        the reply is not held)
     */
    public Optional<Hold> hold(String caseKey, String agent, boolean agentIsLead, String text, boolean resendConfirmed) {
        if (length.problem(text) != null) {
            return Optional.empty(); // the send path refuses it and says why; nothing to approve
        }
        Optional<CaseView> view = work.view(caseKey);
        Optional<String> reason = rules.reason(agent, agentIsLead, view, incident.name().isPresent());
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Approval approval = new Approval(UUID.randomUUID().toString().replace("-", "").substring(0, 16), caseKey,
                agent, text, reason.get(), now, Approval.Status.PENDING, null, null, null, null, 0, resendConfirmed);
        if (!store.create(approval, now.plus(POST_WITHIN))) {
            return Optional.of(new AlreadyWaiting());
        }
        Optional<ApprovalNotices.Posted> posted;
        try {
            posted = notices.request(approval, view);
        } catch (RuntimeException e) {
            log.warn("Approval request for case {} not posted: {}", caseKey, e.toString());
            posted = Optional.empty();
        }
        if (posted.isEmpty()) {
            if (cancel(approval) == Dropped.DECIDED) {
                return Optional.of(new Held(approval)); // Slack took the post after all and a lead decided it
            }
            work.keepDraft(caseKey, text);
            return Optional.of(new NotPosted("the approvals channel could not be reached"));
        }
        boolean recorded;
        try {
            recorded = store.posted(approval.id(), posted.get().channel(), posted.get().ts(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("Approval request for case {} posted but not recorded: {}", caseKey, e.toString());
            recorded = false;
        }
        if (!recorded) {
            // the request is in the channel but does not hold the case: its buttons must not send anything
            Dropped dropped = cancel(approval);
            if (dropped == Dropped.DECIDED) {
                return Optional.of(new Held(approval)); // a lead decided it first: the decision stands and is told
            }
            if (dropped == Dropped.UNKNOWN) {
                work.keepDraft(caseKey, text);
                // the request may still hold the case with its post recorded: leave its buttons, which decide it
                // if it is recorded and answer "gone" if not, and say so rather than "not sent"
                return Optional.of(new NotPosted("the request could not be confirmed: it may still be waiting in "
                        + "the approvals channel, where a lead can decide it, or it frees the case within "
                        + POST_WITHIN.toMinutes() + " minutes"));
            }
            try {
                notices.withdrawn(approval, posted.get());
            } catch (RuntimeException e) {
                log.warn("Approval request {} not marked withdrawn: {}", approval.id(), e.toString());
            }
            work.keepDraft(caseKey, text);
            return Optional.of(new NotPosted("the request could not be recorded in time"));
        }
        return Optional.of(new Held(approval));
    }

    /** What became of a request the poster tried to drop. */
    private enum Dropped { DROPPED, DECIDED, UNKNOWN }

    /** Best effort: a request left behind holds the case for {@link #POST_WITHIN} at most, then frees it. */
    private Dropped cancel(Approval approval) {
        try {
            return store.cancel(approval.id()) ? Dropped.DROPPED : Dropped.DECIDED;
        } catch (RuntimeException e) {
            log.warn("Approval request {} not dropped (it frees its case within {}): {}", approval.id(), POST_WITHIN,
                    e.toString());
            return Dropped.UNKNOWN;
        }
    }

    public Optional<Approval> find(String id) {
        return store.find(id);
    }

    /** How a lead's click went. */
    public sealed interface Result {
    }

    /** Decided by this lead; {@code sent} is the send's outcome for an approval, null for a rejection. */
    public record Done(Approval approval, ReplySender.ReplyOutcome sent) implements Result {
    }

    /** Approved, but the send failed in a way that trying later can fix: the request waits again. */
    public record WaitsAgain(Approval approval, ReplySender.Failed failure) implements Result {
    }

    /** Another lead (or an earlier click) decided first. */
    public record Taken(Approval approval) implements Result {
    }

    /** Not done: the text does not fit, or a return without a note. */
    public record Refused(String why) implements Result {
    }

    public record Missing() implements Result {
    }

    /** Approves the reply as the agent wrote it, or as the lead edited it ({@code edited} not null). */
    public Result approve(String id, String lead, String edited) {
        Optional<Approval> found = store.find(id);
        if (found.isEmpty()) {
            return new Missing();
        }
        String text = edited == null ? found.get().text() : edited.strip();
        String problem = length.problem(text);
        if (problem != null) {
            return new Refused(problem);
        }
        ApprovalStore.DecideOutcome decided = store.decide(id, Approval.Status.APPROVED, lead, null, text,
                clock.instant());
        if (decided instanceof AlreadyDecided already) {
            return new Taken(already.approval());
        }
        if (!(decided instanceof Decided d)) {
            return new Missing();
        }
        Approval approval = d.approval();
        if (approval.resendConfirmed() && !work.confirmResend(approval.caseKey())) {
            // the agent's --confirm belongs to this send and lifts the in-doubt guard now; but the doubt it answered
            // was settled while the request waited (the earlier reply found on X, or another reply sent), so this
            // text could reach the customer as a second answer: it ends here, kept on the case
            work.keepDraft(approval.caseKey(), text);
            ReplySender.ReplyOutcome stale = new ReplySender.Failed(ReplySender.FailureKind.OTHER, "the earlier "
                    + "reply this resend was confirmed against was settled while it waited (found on X, or another "
                    + "reply went out), so it was not sent, to spare the customer a second answer. Check the thread "
                    + "on X; the text is kept on the case if they still need it.", null);
            emit(new CaseEvent.ApprovalDecided(approval.caseKey(), lead, approval.requestedAt(), true, clock.instant()));
            notifyDecided(approval, stale);
            return new Done(approval, stale);
        }
        // one request id per approved attempt: a click Slack re-delivers is the same attempt and the ledger
        // sends it once; a new attempt comes only after a send that failed for sure
        ReplySender.ReplyOutcome sent = work.reply(approval.caseKey(), approval.agent(), text,
                "approval:" + id + ":" + approval.attempt());
        // only a failure a later Approve can get past waits again; a permanent one (duplicate, gone, resolved case)
        // ends the request, or it would wait, and hold the case's next Send, for as long as the request is kept
        if (sent instanceof ReplySender.Failed failed && (failed.kind() == ReplySender.FailureKind.RATE_LIMITED
                || failed.kind() == ReplySender.FailureKind.NETWORK)) {
            if (approval.resendConfirmed()) {
                // nothing went out: the guard goes back up, so no other send passes while this one waits again;
                // the next Approve lifts it again for this text only if the doubt still stands
                work.withdrawConfirmation(approval.caseKey());
            }
            store.reopen(id);
            return new WaitsAgain(approval, failed);
        }
        emit(new CaseEvent.ApprovalDecided(approval.caseKey(), lead, approval.requestedAt(), true, clock.instant()));
        notifyDecided(approval, sent);
        return new Done(approval, sent);
    }

    /** Returns the reply to its agent with the lead's note; the text stays on the case for the agent to edit. */
    public Result reject(String id, String lead, String note) {
        if (note == null || note.isBlank()) {
            return new Refused("Say what to change, so the agent can fix it.");
        }
        ApprovalStore.DecideOutcome decided = store.decide(id, Approval.Status.REJECTED, lead, note.strip(), null,
                clock.instant());
        if (decided instanceof AlreadyDecided already) {
            return new Taken(already.approval());
        }
        if (!(decided instanceof Decided d)) {
            return new Missing();
        }
        Approval approval = d.approval();
        work.keepDraft(approval.caseKey(), approval.text());
        emit(new CaseEvent.ApprovalDecided(approval.caseKey(), lead, approval.requestedAt(), false, clock.instant()));
        notifyDecided(approval, null);
        return new Done(approval, null);
    }

    private void notifyDecided(Approval approval, ReplySender.ReplyOutcome sent) {
        try {
            notices.decided(approval, sent);
        } catch (RuntimeException e) {
            log.warn("Could not show the decision on approval {}: {}", approval.id(), e.toString());
        }
    }

    private void emit(CaseEvent event) {
        CaseEventListener.tellAll(listeners, event);
    }
}
