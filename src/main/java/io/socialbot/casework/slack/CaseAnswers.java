package io.socialbot.casework.slack;

import io.socialbot.casework.Case;
import io.socialbot.casework.CaseStore;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.ReplyApprovals;
import io.socialbot.casework.ReplySender;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.access.Role;
import io.socialbot.platform.slack.SlackCommandText;
import io.socialbot.platform.slack.SlackText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The casework commands the Slack handlers map to: each calls {@link CaseWork} and renders its outcome as the
 * private mrkdwn answer the person sees (ids, names and notes escaped).
 */
final class CaseAnswers {

    /** Sends after a send in doubt, once the agent has checked the thread: {@code /reply <case> --confirm <text>}. */
    static final String CONFIRM = "--confirm";

    static final String HELP = """
            *Casework commands* (`&lt;case&gt;` is a case id, a tweet id or a tweet link):
            • `/claim &lt;case&gt;`: take a case; nobody else can work it until you release or resolve it
            • `/release &lt;case&gt;`: give it back to the queue
            • `/reply &lt;case&gt; &lt;text&gt;`: reply on X to the original post (280 characters as X counts them);
              `/reply &lt;case&gt; --confirm &lt;text&gt;` after an unclear send, once you checked the thread on X
            • `/resolve &lt;case&gt; [note]`: close it, keeping the note on the case
            • `/mine`: your open cases   • `/queue`: unclaimed cases, most urgent first""";

    static final String FAILED = "Sorry, that failed on our side (%s). Nothing was changed that you were not told "
            + "about; try again in a moment.";

    /** Cases listed by {@code /queue}: a screenful; the heading says how many more wait. */
    static final int QUEUE_SHOWN = 20;

    private final CaseWork work;
    private final AccessPolicy access;
    private final ReplyApprovals approvals;

    /** @param approvals holds the replies a lead must approve; null when approvals are off */
    CaseAnswers(CaseWork work, AccessPolicy access, ReplyApprovals approvals) {
        this.work = work;
        this.access = access;
        this.approvals = approvals;
    }

    /** A slash command's text mapped to its command; a command without the case it needs gets the help. */
    String command(String command, String text, String user) {
        String[] parts = text.isEmpty() ? new String[0] : text.split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        return switch (command) {
            case "/mine" -> mine(user);
            case "/queue" -> queue();
            case "/claim" -> parts.length == 0 ? usage() : claim(parts[0], user);
            case "/release" -> parts.length == 0 ? usage() : release(parts[0], user);
            case "/resolve" -> parts.length == 0 ? usage() : resolve(parts[0], user, rest);
            // Slack escapes & < > and wraps links in command text: X must get what the agent typed.
            case "/reply" -> parts.length < 2 ? usage() : replyCommand(parts[0], user, SlackCommandText.decode(rest));
            default -> HELP;
        };
    }

    private static String usage() {
        return "Which case? " + HELP;
    }

    static String unknown(String reference) {
        return "No case matches `" + SlackText.escape(reference) + "`. Use the case id shown on the post, the tweet id "
                + "or the tweet link.";
    }

    String claim(String reference, String user) {
        Optional<Case> c = work.lookup(reference);
        if (c.isEmpty()) {
            return unknown(reference);
        }
        CaseStore.ClaimOutcome outcome = work.claim(c.get().key(), user);
        if (outcome instanceof CaseStore.Claimed) {
            return "You own case `" + SlackText.escape(c.get().key()) + "` now.";
        }
        if (outcome instanceof CaseStore.AlreadyYours) {
            return "You already own case `" + SlackText.escape(c.get().key()) + "`.";
        }
        if (outcome instanceof CaseStore.OwnedBy owned) {
            return "Already claimed by <@" + SlackText.escape(owned.owner()) + ">.";
        }
        if (outcome instanceof CaseStore.NotOpen) {
            return "That case is resolved.";
        }
        return unknown(reference);
    }

    String release(String reference, String user) {
        Optional<Case> c = work.lookup(reference);
        if (c.isEmpty()) {
            return unknown(reference);
        }
        CaseStore.ClaimOutcome outcome = work.release(c.get().key(), user, access.has(user, Role.LEAD));
        if (outcome instanceof CaseStore.Released) {
            return "Released case `" + SlackText.escape(c.get().key()) + "` back to the queue.";
        }
        if (outcome instanceof CaseStore.NotOwner owner) {
            return "Only its owner <@" + SlackText.escape(owner.owner()) + "> or an incident lead can release it.";
        }
        if (outcome instanceof CaseStore.NotOpen) {
            return "That case is not claimed.";
        }
        return unknown(reference);
    }

    String resolve(String reference, String user, String note) {
        Optional<Case> c = work.lookup(reference);
        if (c.isEmpty()) {
            return unknown(reference);
        }
        return switch (work.resolve(c.get().key(), user, access.has(user, Role.LEAD), note)) {
            case RESOLVED -> "Resolved case `" + SlackText.escape(c.get().key()) + "`"
                    + (note.isBlank() ? "." : ", note kept: " + SlackText.inert(note, 2_000));
            case NOT_OWNER -> "Only its owner <@" + SlackText.escape(c.get().owner()) + "> or an incident lead can resolve it.";
            case ALREADY_CLOSED -> "That case is already resolved.";
            case NOT_FOUND -> unknown(reference);
        };
    }

    /** Why {@code user} may not reply on case {@code key}, if they may not. */
    Optional<String> replyRefusal(String key, String user) {
        if (!access.has(user, Role.AGENT)) {
            return Optional.of(AccessPolicy.refusal(Role.AGENT));
        }
        Optional<Case> c = work.find(key);
        if (c.isEmpty()) {
            return Optional.of(unknown(key));
        }
        if (!CaseWork.mayAct(c.get(), user, access.has(user, Role.LEAD))) {
            return Optional.of("Only its owner <@" + SlackText.escape(c.get().owner()) + "> or an incident lead can reply.");
        }
        return Optional.empty();
    }

    String replyCommand(String reference, String user, String text) {
        Optional<Case> c = work.lookup(reference);
        if (c.isEmpty()) {
            return unknown(reference);
        }
        Optional<String> refusal = replyRefusal(c.get().key(), user);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String reply = text;
        // The agent checked the thread after a send in doubt: the earlier reply is not on X.
        boolean confirmed = reply.startsWith(CONFIRM + " ");
        if (confirmed) {
            reply = reply.substring(CONFIRM.length()).strip();
        }
        return reply(c.get().key(), user, reply, "slack-command:" + UUID.randomUUID(), confirmed);
    }

    String reply(String key, String user, String text, String requestId) {
        return reply(key, user, text, requestId, false);
    }

    /**
     * The approval hold comes first: a confirmed resend that must wait for a lead carries its confirmation with it
     * and lifts the in-doubt guard only when approved, so waiting never leaves the guard down for another send.
     */
    private String reply(String key, String user, String text, String requestId, boolean resendConfirmed) {
        if (approvals != null) {
            // a confirmation travels with the request only while there is a doubt for it to answer
            Optional<ReplyApprovals.Hold> held = approvals.hold(key, user, access.has(user, Role.LEAD), text,
                    resendConfirmed && work.sendInDoubt(key));
            if (held.isPresent()) {
                return ApprovalSlackListeners.held(held.get(), key);
            }
        }
        if (resendConfirmed) {
            work.confirmResend(key);
        }
        ReplySender.ReplyOutcome outcome = work.reply(key, user, text, requestId);
        if (outcome instanceof ReplySender.Sent sent) {
            return "Reply sent" + (sent.url() == null ? "." : ": " + SlackText.escape(sent.url()));
        }
        if (outcome instanceof ReplySender.Failed failed) {
            return "Not sent: " + SlackText.escape(failed.agentMessage())
                    + (failed.retryAt() == null ? "" : " (try again after " + failed.retryAt() + ")")
                    + (failed.kind() == ReplySender.FailureKind.TOO_LONG ? "" : " Your text is kept on the case.");
        }
        return "Not sure it was sent: " + SlackText.escape(((ReplySender.Unknown) outcome).agentMessage());
    }

    String mine(String user) {
        List<Case> cases = work.ownedBy(user);
        if (cases.isEmpty()) {
            return "You have no open cases. `/queue` shows what is waiting.";
        }
        return "*Your open cases*\n" + lines(cases);
    }

    String queue() {
        List<Case> cases = work.queue(QUEUE_SHOWN);
        if (cases.isEmpty()) {
            return "The queue is empty: every posted case is claimed or resolved.";
        }
        long waiting = Math.max(cases.size(), work.queueDepth());
        String heading = waiting > cases.size()
                ? String.format(Locale.ROOT, "*Unclaimed, most urgent first* (%d of %,d waiting)", cases.size(), waiting)
                : "*Unclaimed, most urgent first*";
        return heading + "\n" + lines(cases);
    }

    private static String lines(List<Case> cases) {
        StringBuilder sb = new StringBuilder();
        for (Case c : cases) {
            sb.append("• ").append(c.priority() == null ? "P?" : c.priority().name()).append(" `")
                    .append(SlackText.escape(c.key())).append("` @").append(SlackText.escape(c.authorHandle()))
                    .append(c.clusterSize() > 1 ? " (+" + (c.clusterSize() - 1) + ")" : "")
                    .append(c.draft() != null ? " · unsent draft kept" : "").append('\n');
        }
        return sb.toString();
    }
}
