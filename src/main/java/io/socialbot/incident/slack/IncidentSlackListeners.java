package io.socialbot.incident.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.socialbot.incident.DigestComposer;
import io.socialbot.incident.DigestPublisher;
import io.socialbot.incident.DigestRequest;
import io.socialbot.incident.Incident;
import io.socialbot.incident.IncidentCommands;
import io.socialbot.incident.IncidentProperties;
import io.socialbot.incident.IncidentStore;
import io.socialbot.incident.UpdateBroadcast;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.access.Role;
import io.socialbot.platform.slack.SlackListeners;
import io.socialbot.platform.slack.SlackText;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /incident}, {@code /digest} and the "tell everyone waiting" button and confirmation. */
final class IncidentSlackListeners implements SlackListeners {

    public static final String TELL_WAITING = "incident_tell_waiting";
    public static final String TELL_WAITING_CONFIRM = "incident_tell_waiting_confirm";
    /** Who may post a digest into a channel, as the README documents it. */
    static final String POST_RULE = "`/digest post` puts the digest into the channel you type it in, for everyone "
            + "there to read: it needs the lead role.";

    private static final Logger log = LoggerFactory.getLogger(IncidentSlackListeners.class);

    private final IncidentCommands commands;
    private final IncidentStore incidents;
    private final DigestComposer composer;
    private final DigestPublisher publisher;
    private final UpdateBroadcast broadcast;
    private final AccessPolicy access;
    private final IncidentProperties properties;
    private final Clock clock;
    private final Executor work;

    public IncidentSlackListeners(IncidentCommands commands, IncidentStore incidents, DigestComposer composer,
                                  DigestPublisher publisher, UpdateBroadcast broadcast, AccessPolicy access,
                                  IncidentProperties properties, Clock clock, Executor work) {
        this.commands = commands;
        this.incidents = incidents;
        this.composer = composer;
        this.publisher = publisher;
        this.broadcast = broadcast;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
        this.work = work;
    }

    @Override
    public List<String> commands() {
        return List.of("/incident", "/digest");
    }

    @Override
    public void register(App app) {
        app.command("/incident", (req, ctx) -> {
            String user = req.getPayload().getUserId();
            IncidentCommands.Outcome out = commands.handle(user, req.getPayload().getText());
            if (out.announceChannel() != null) {
                work.execute(() -> announce(ctx, out.announceChannel(), out.announcement()));
            }
            if (out.offerBroadcast() != null) {
                return ctx.ack(r -> r.responseType("ephemeral").text(out.reply()).blocks(offer(out.reply(),
                        out.offerBroadcast().id())));
            }
            return ctx.ack(r -> r.responseType("ephemeral").text(out.reply()));
        });

        app.command("/digest", (req, ctx) -> {
            String user = req.getPayload().getUserId();
            if (access.rolesOf(user).isEmpty()) {
                return ctx.ack(r -> r.responseType("ephemeral").text(AccessPolicy.refusal(Role.AGENT)));
            }
            DigestRequest request;
            try {
                request = DigestRequest.parse(req.getPayload().getText(), clock.instant(), properties.zone());
            } catch (DigestRequest.Invalid e) {
                return ctx.ack(r -> r.responseType("ephemeral").text(e.getMessage()));
            }
            if (request.post() && !access.has(user, Role.LEAD)) {
                // what goes into a channel speaks for the team: only leads post, and only where they type it
                return ctx.ack(r -> r.responseType("ephemeral").text(POST_RULE + " "
                        + AccessPolicy.refusal(Role.LEAD) + " Without `post`, `/digest` shows it to you alone."));
            }
            Optional<Incident> incident = incidents.current().or(() -> incidents.list().stream().findFirst());
            if (incident.isEmpty()) {
                return ctx.ack(r -> r.responseType("ephemeral").text("No incident yet: digests cover incidents."));
            }
            String channel = req.getPayload().getChannelId();
            work.execute(() -> digest(ctx, incident.get(), request, channel));
            return ctx.ack(r -> r.responseType("ephemeral").text("Putting the digest of *" + incident.get().name()
                    + "* together…"));
        });

        app.blockAction(TELL_WAITING, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            if (!access.has(user, Role.LEAD)) {
                respondLater(ctx, AccessPolicy.refusal(Role.LEAD));
                return ctx.ack();
            }
            var actions = req.getPayload().getActions();
            if (actions == null || actions.isEmpty() || actions.get(0).getValue() == null) {
                return malformed("block_actions without an action value");
            }
            String updateId = actions.get(0).getValue();
            Optional<UpdateBroadcast.Plan> plan = broadcast.plan(updateId);
            if (plan.isEmpty() || plan.get().targets().isEmpty()) {
                respondLater(ctx, plan.isEmpty() ? "That update no longer exists." : nobodyToTell(plan.get()));
                return ctx.ack();
            }
            var fit = commands.fit(plan.get().update());
            if (!fit.fits()) {
                respondLater(ctx, "Not sent: the reply with this update would be " + fit.length()
                        + " characters as X counts them, over X's " + (fit.length() + fit.left())
                        + ". Record a shorter update with `/incident update`.");
                return ctx.ack();
            }
            String channel = req.getPayload().getChannel() == null ? "" : req.getPayload().getChannel().getId();
            var opened = ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId())
                    .view(confirmation(plan.get(), channel)));
            if (!opened.isOk()) {
                log.warn("views.open for tell-everyone-waiting failed: {}", opened.getError());
            }
            return ctx.ack();
        });

        app.viewSubmission(TELL_WAITING_CONFIRM, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String metadata = req.getPayload().getView() == null ? null : req.getPayload().getView().getPrivateMetadata();
            if (metadata == null || metadata.isEmpty()) {
                return malformed("view_submission without private_metadata");
            }
            String[] meta = metadata.split("\\|", 2);
            work.execute(() -> {
                if (!access.has(user, Role.LEAD)) {
                    // the button already checks; a forged or stale submission is refused here too
                    confirm(ctx, meta, user, AccessPolicy.refusal(Role.LEAD));
                    return;
                }
                int queued = broadcast.queueAll(meta[0]);
                int sent = broadcast.drain();
                String text = queued == 0 ? "Everyone waiting already had this update queued; nothing new to send."
                        : "Queued " + queued + " replies with the update; " + sent + " sent now, the rest within "
                        + properties.replyLimit() + " per " + properties.replyWindow().toMinutes() + " min.";
                confirm(ctx, meta, user, text);
            });
            return ctx.ack();
        });
    }

    /** Answers through {@code response_url} after the ack: an unreachable one must not turn the ack into a 500. */
    private void respondLater(com.slack.api.bolt.context.builtin.ActionContext ctx, String text) {
        work.execute(() -> {
            try {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
            } catch (Exception e) {
                log.warn("Could not answer through response_url: {}", e.getClass().getSimpleName());
            }
        });
    }

    /** A signed payload this listener cannot use: a 400 for Slack, nothing done. */
    private static com.slack.api.bolt.response.Response malformed(String what) {
        log.info("Slack payload refused: {}", what);
        return com.slack.api.bolt.response.Response.builder().statusCode(400).contentType("application/json")
                .body("{\"error\":\"" + what + "\"}").build();
    }

    /** True also when only safety cases wait: those are left to people, never told "nobody is waiting". */
    static String nobodyToTell(UpdateBroadcast.Plan plan) {
        int safety = plan.safety().size();
        return safety == 0 ? "Nobody is waiting for a first answer right now."
                : "No case can get this update: the " + safety + " still waiting " + (safety == 1 ? "is a safety case"
                : "are safety cases") + ", which a person must answer.";
    }

    private static void confirm(com.slack.api.bolt.context.builtin.ViewSubmissionContext ctx, String[] meta,
                                String user, String text) {
        try {
            if (meta.length > 1 && !meta[1].isEmpty()) {
                ctx.client().chatPostEphemeral(r -> r.channel(meta[1]).user(user).text(text));
            } else {
                ctx.client().chatPostMessage(r -> r.channel(user).text(text));
            }
        } catch (Exception e) {
            log.warn("Could not confirm the broadcast to {}: {}", user, e.toString());
        }
    }

    private void digest(SlashCommandContext ctx, Incident incident, DigestRequest request, String channel) {
        try {
            var digest = composer.compose(incident, request.from(), request.to(), null);
            if (request.post()) {
                publisher.post(channel, digest);
                ctx.respond(r -> r.responseType("ephemeral").text("Posted the digest of *"
                        + SlackText.escape(incident.name()) + "* here."));
            } else {
                ctx.respond(r -> r.responseType("ephemeral").text(digest.text()));
            }
        } catch (Exception e) {
            log.warn("Digest for {} failed: {}", incident.name(), e.toString());
            try {
                ctx.respond(r -> r.responseType("ephemeral").text("Sorry, the digest could not be made: "
                        + SlackText.escape(e.getMessage())));
            } catch (Exception ignored) {
                // the user already saw the ack; the log has the cause
            }
        }
    }

    private static void announce(SlashCommandContext ctx, String channel, String text) {
        try {
            var r = ctx.client().chatPostMessage(m -> m.channel(channel).text(text));
            if (!r.isOk()) {
                log.warn("Incident announcement in {} failed: {}", channel, r.getError());
            }
        } catch (Exception e) {
            log.warn("Incident announcement in {} failed: {}", channel, e.toString());
        }
    }

    private static List<LayoutBlock> offer(String text, String updateId) {
        return List.of(
                SectionBlock.builder().text(MarkdownTextObject.builder().text(text).build()).build(),
                ActionsBlock.builder().blockId("incident_update").elements(List.of(ButtonElement.builder()
                        .actionId(TELL_WAITING).value(updateId).style("primary")
                        .text(PlainTextObject.builder().text("Tell everyone waiting").build()).build())).build());
    }

    private View confirmation(UpdateBroadcast.Plan plan, String channel) {
        String body = "*" + plan.targets().size() + "* open, unanswered cases of *" + plan.update().incident()
                + "* will get this update as a reply:\n>" + SlackText.escape(plan.update().text())
                + (plan.safety().isEmpty() ? "" : "\n" + plan.safety().size() + " safety cases are left to people.")
                + "\nReplies go out at most " + properties.replyLimit() + " per "
                + properties.replyWindow().toMinutes() + " min; nobody gets this update twice.";
        return View.builder().type("modal").callbackId(TELL_WAITING_CONFIRM)
                .privateMetadata(plan.update().id() + "|" + channel)
                .title(ViewTitle.builder().type("plain_text").text("Tell everyone waiting").build())
                .submit(ViewSubmit.builder().type("plain_text").text("Send " + plan.targets().size()).build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(List.of(SectionBlock.builder().blockId("confirm")
                        .text(MarkdownTextObject.builder().text(body).build()).build()))
                .build();
    }
}
