package io.socialbot.casework.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.ViewState;
import io.socialbot.casework.Case;
import io.socialbot.casework.CaseStore;
import io.socialbot.casework.CaseView;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.CurrentIncident;
import io.socialbot.casework.ReplyApprovals;
import io.socialbot.casework.ReplyLength;
import io.socialbot.casework.ReplySender;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.access.Role;
import io.socialbot.platform.slack.SlackCommandText;
import io.socialbot.platform.slack.SlackListeners;
import io.socialbot.platform.slack.SlackText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Casework in Slack: {@code /claim /release /resolve /reply /mine /queue}, the Claim / Reply / Resolve buttons and the
 * reply modal. Handlers ack at once and do the work after, answering privately to whoever asked.
 */
final class CaseSlackListeners implements SlackListeners {

    private static final Logger log = LoggerFactory.getLogger(CaseSlackListeners.class);
    static final String REPLY_MODAL = "case_reply_modal";
    /** Sends after a send in doubt, once the agent has checked the thread: {@code /reply <case> --confirm <text>}. */
    static final String CONFIRM = "--confirm";
    static final String REPLY_BLOCK = "reply";
    static final String REPLY_INPUT = "text";

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

    private final CaseWork work;
    private final ReplySuggestions suggestions;
    private final ReplyLength length;
    private final AccessPolicy access;
    private final CurrentIncident incident;
    private final ExecutorService executor;
    private final DraftModalUpdater drafts;
    private final ReplyApprovals approvals;

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
        this.drafts = drafts;
        this.approvals = approvals;
        this.work = work;
        this.suggestions = suggestions;
        this.length = length;
        this.access = access;
        this.incident = incident;
        this.executor = executor;
    }

    @Override
    public List<String> commands() {
        return List.of("/claim", "/release", "/resolve", "/reply", "/mine", "/queue");
    }

    @Override
    public void register(App app) {
        for (String command : commands()) {
            app.command(command, (req, ctx) -> {
                String user = req.getPayload().getUserId();
                String text = req.getPayload().getText() == null ? "" : req.getPayload().getText().trim();
                if (!access.has(user, Role.AGENT)) {
                    return ctx.ack(AccessPolicy.refusal(Role.AGENT));
                }
                if (command.equals("/reply")) {
                    later(ctx::respond, () -> command(command, text, user)); // X may take longer than Slack's 3 s
                    return ctx.ack();
                }
                // the rest is a Redis round trip or two: answer in the ack itself, a clear answer even when it fails
                String answer;
                try {
                    answer = command(command, text, user);
                } catch (RuntimeException e) {
                    log.error("Casework command {} failed: {}", command, e.toString());
                    answer = FAILED.formatted(e.getClass().getSimpleName());
                }
                String shown = answer;
                return ctx.ack(r -> r.responseType("ephemeral").text(shown));
            });
        }
        app.blockAction(CaseBlocks.CLAIM, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String key = req.getPayload().getActions().get(0).getValue();
            if (!access.has(user, Role.AGENT)) {
                later(ctx, () -> AccessPolicy.refusal(Role.AGENT));
                return ctx.ack();
            }
            later(ctx, () -> claim(key, user));
            return ctx.ack();
        });
        app.blockAction(CaseBlocks.RESOLVE, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String key = req.getPayload().getActions().get(0).getValue();
            later(ctx, () -> access.has(user, Role.AGENT) ? resolve(key, user, "") : AccessPolicy.refusal(Role.AGENT));
            return ctx.ack();
        });
        app.blockAction(CaseBlocks.REPLY, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String key = req.getPayload().getActions().get(0).getValue();
            String problem;
            try {
                Optional<String> refusal = replyRefusal(key, user);
                if (refusal.isPresent()) {
                    later(ctx, refusal::get);
                    return ctx.ack();
                }
                // views.open must use the trigger within 3 s: open the modal before acking
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
            later(ctx, () -> told);
            return ctx.ack();
        });
        app.viewSubmission(REPLY_MODAL, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String key = req.getPayload().getView().getPrivateMetadata();
            ViewState.Value input = req.getPayload().getView().getState().getValues()
                    .getOrDefault(REPLY_BLOCK, Map.of()).get(REPLY_INPUT);
            String text = input == null || input.getValue() == null ? "" : input.getValue().trim();
            String problem = length.problem(text);
            if (problem != null) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(REPLY_BLOCK, problem)));
            }
            Optional<String> refusal;
            try {
                refusal = replyRefusal(key, user);
            } catch (RuntimeException e) {
                log.error("Reply check for case {} failed: {}", key, e.toString());
                refusal = Optional.of(FAILED.formatted(e.getClass().getSimpleName()));
            }
            if (refusal.isPresent()) {
                String shown = refusal.get();
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(REPLY_BLOCK, shown)));
            }
            String requestId = "slack-view:" + req.getPayload().getView().getId() + ":" + req.getPayload().getView().getHash();
            MethodsClient client = ctx.client();
            executor.submit(() -> {
                String outcome;
                String channel = user;
                try {
                    outcome = reply(key, user, text, requestId);
                    channel = work.find(key).map(c -> c.channelId() != null ? c.channelId() : c.channel()).orElse(user);
                } catch (RuntimeException e) {
                    log.error("Reply on case {} failed: {}", key, e.toString());
                    outcome = FAILED.formatted(e.getClass().getSimpleName()) + " Your text: " + SlackText.inert(text, 2_900);
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
            });
            return ctx.ack();
        });
    }

    /** Runs {@code work} after the ack and sends its answer privately through {@code respond}. */
    private void later(ThrowingConsumer<String> respond, java.util.function.Supplier<String> job) {
        executor.submit(() -> {
            String answer;
            try {
                answer = job.get();
            } catch (RuntimeException e) {
                log.error("Casework command failed: {}", e.toString());
                answer = "Sorry, that failed on our side (" + e.getClass().getSimpleName() + "). Try again in a moment.";
            }
            try {
                respond.accept(answer);
            } catch (Exception e) {
                log.warn("Could not answer in Slack: {}", e.getClass().getSimpleName());
            }
        });
    }

    private void later(ActionContext ctx, java.util.function.Supplier<String> job) {
        later(text -> ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text)), job);
    }

    /** A consumer that may throw, as Bolt's respond does. */
    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    String command(String command, String text, String user) {
        String[] parts = text.isEmpty() ? new String[0] : text.split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        return switch (command) {
            case "/mine" -> mine(user);
            case "/queue" -> queue();
            case "/claim" -> parts.length == 0 ? usage(command) : claim(parts[0], user);
            case "/release" -> parts.length == 0 ? usage(command) : release(parts[0], user);
            case "/resolve" -> parts.length == 0 ? usage(command) : resolve(parts[0], user, rest);
            // Slack escapes & < > and wraps links in command text: X must get what the agent typed.
            case "/reply" -> parts.length < 2 ? usage(command)
                    : replyCommand(parts[0], user, SlackCommandText.decode(rest));
            default -> HELP;
        };
    }

    private static String usage(String command) {
        return "Which case? " + HELP;
    }

    private Optional<Case> lookup(String reference) {
        return work.lookup(reference);
    }

    private static String unknown(String reference) {
        return "No case matches `" + SlackText.escape(reference) + "`. Use the case id shown on the post, the tweet id "
                + "or the tweet link.";
    }

    String claim(String reference, String user) {
        Optional<Case> c = lookup(reference);
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
        Optional<Case> c = lookup(reference);
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
        Optional<Case> c = lookup(reference);
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

    private Optional<String> replyRefusal(String key, String user) {
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
        Optional<Case> c = lookup(reference);
        if (c.isEmpty()) {
            return unknown(reference);
        }
        Optional<String> refusal = replyRefusal(c.get().key(), user);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String reply = text;
        if (reply.startsWith(CONFIRM + " ")) {
            // The agent checked the thread after a send in doubt: the earlier reply is not on X.
            reply = reply.substring(CONFIRM.length()).strip();
            work.confirmResend(c.get().key());
        }
        return reply(c.get().key(), user, reply, "slack-command:" + UUID.randomUUID());
    }

    String reply(String key, String user, String text, String requestId) {
        if (approvals != null) {
            Optional<ReplyApprovals.Hold> held = approvals.hold(key, user, access.has(user, Role.LEAD), text);
            if (held.isPresent()) {
                return ApprovalSlackListeners.held(held.get(), key);
            }
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
                ? String.format(java.util.Locale.ROOT, "*Unclaimed, most urgent first* (%d of %,d waiting)", cases.size(),
                        waiting)
                : "*Unclaimed, most urgent first*";
        return heading + "\n" + lines(cases);
    }

    /** Cases listed by {@code /queue}: a screenful; the heading says how many more wait. */
    static final int QUEUE_SHOWN = 20;

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

    private List<String> suggestions(Optional<CaseView> view) {
        return view.map(v -> suggestions.suggest(v.mention().author().handle(), v.decision(),
                incident.latestUpdateText())).orElse(List.of());
    }

    String replyModal(String key, Optional<CaseView> view) {
        return com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(ReplyModal.view(key, view, suggestions(view)));
    }
}
