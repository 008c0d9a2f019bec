package io.socialbot.stats.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.access.Role;
import io.socialbot.platform.schedule.DaemonThreads;
import io.socialbot.platform.slack.SlackListeners;
import io.socialbot.platform.slack.SlackText;
import io.socialbot.stats.BadWindowException;
import io.socialbot.stats.CaseCsv;
import io.socialbot.stats.CaseTimeline;
import io.socialbot.stats.Durations;
import io.socialbot.stats.ReportWindow;
import io.socialbot.stats.ReportWindows;
import io.socialbot.stats.ResponseTimeReport;
import io.socialbot.stats.StatsService;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /stats [window]}, {@code /stats agents [window]}, {@code /stats export [window]}: acks at once, computes
 * the report on its own thread, answers ephemerally through response_url (the CSV goes to the requester's DM).
 */
class StatsSlackListeners implements SlackListeners, AutoCloseable {

    public static final String COMMAND = "/stats";

    static final String HELP = "*/stats* shows response times for a window:\n"
            + "• `/stats` today · `/stats 7d` · `/stats 24h` · `/stats since 2026-07-11` · `/stats incident <name>`\n"
            + "• `/stats agents [window]` the same per agent (managers and leads)\n"
            + "• `/stats export [window]` a CSV of every case with every timestamp, sent to you (managers and leads)\n"
            + "• `/stats help` this text\n"
            + "Windows: " + ReportWindows.ACCEPTED + ".";

    private static final Logger log = LoggerFactory.getLogger(StatsSlackListeners.class);
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]+");

    private final StatsService stats;
    private final AccessPolicy access;
    private final ExecutorService work;

    public StatsSlackListeners(StatsService stats, AccessPolicy access) {
        this.stats = stats;
        this.access = access;
        this.work = DaemonThreads.pool("stats-slack", 2);
    }

    @Override
    public List<String> commands() {
        return List.of(COMMAND);
    }

    @Override
    public void register(App app) {
        app.command(COMMAND, this::handle);
    }

    private com.slack.api.bolt.response.Response handle(SlashCommandRequest req, SlashCommandContext ctx) {
        String user = req.getPayload().getUserId();
        String text = req.getPayload().getText() == null ? "" : req.getPayload().getText().trim();
        String first = text.isEmpty() ? "" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = text.isEmpty() ? "" : text.substring(Math.min(text.length(), first.length())).trim();
        if (first.equals("help")) {
            return ctx.ack(HELP);
        }
        boolean agents = first.equals("agents");
        boolean export = first.equals("export");
        String windowText = agents || export ? rest : text;
        if (access.rolesOf(user).isEmpty()) {
            return ctx.ack(AccessPolicy.refusal(Role.AGENT));
        }
        if ((agents || export) && !access.has(user, Role.MANAGER) && !access.has(user, Role.LEAD)) {
            return ctx.ack("Sorry, per-agent figures and exports are for managers and leads. "
                    + "Ask an admin to add your Slack user id under socialbot.access.managers or socialbot.access.leads.");
        }
        ReportWindow window;
        try {
            window = stats.windows().parse(windowText);
        } catch (BadWindowException e) {
            return ctx.ack(SlackText.escape(e.getMessage()) + "\n\n" + HELP);
        }
        work.submit(() -> {
            try {
                if (export) {
                    export(ctx, user, window);
                } else {
                    ResponseTimeReport report = stats.report(window);
                    ctx.respond(r -> r.responseType("ephemeral").text(agents ? renderAgents(report) : render(report)));
                }
            } catch (Exception e) {
                log.warn("/stats failed for window {}", window.label(), e);
                try {
                    ctx.respond(r -> r.responseType("ephemeral").text("Sorry, the report failed: "
                            + SlackText.escape(e.getClass().getSimpleName()) + ". Try again in a minute."));
                } catch (Exception ignored) {
                    // nothing else reaches the user
                }
            }
        });
        return ctx.ack("Working out " + (export ? "the export" : "the figures") + " for "
                + SlackText.escape(window.label()) + "…");
    }

    private void export(SlashCommandContext ctx, String user, ReportWindow window) throws Exception {
        List<CaseTimeline> cases = stats.cases(window);
        String csv = CaseCsv.write(cases);
        ConversationsOpenResponse dm = ctx.client().conversationsOpen(r -> r.users(List.of(user)));
        if (!dm.isOk()) {
            throw new IllegalStateException("conversations.open failed: " + dm.getError());
        }
        String channel = dm.getChannel().getId();
        String name = "cases-" + window.label().replaceAll("[^A-Za-z0-9-]+", "-") + ".csv";
        FilesUploadV2Response upload = ctx.client().filesUploadV2(r -> r
                .channel(channel)
                .filename(name)
                .title("Cases: " + window.label())
                .content(csv)
                .requestFileInfo(false)
                .initialComment(cases.size() + " case(s), " + window.label()));
        if (!upload.isOk()) {
            throw new IllegalStateException("files upload failed: " + upload.getError());
        }
        ctx.respond(r -> r.responseType("ephemeral").text("Sent " + cases.size() + " case(s) for "
                + SlackText.escape(window.label()) + " to you as `" + name + "`."));
    }

    static String render(ResponseTimeReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("*Response times: ").append(SlackText.escape(report.window().label())).append("* (")
                .append(report.total().cases()).append(" cases)\n```\n");
        sb.append(String.format("%-4s %6s %23s %23s %12s %9s%n", "", "cases", "claim p50/p90", "reply p50/p90",
                "resolve p50", "breaches"));
        for (ResponseTimeReport.Row r : report.byPriority()) {
            line(sb, r.priority().name(), r);
        }
        line(sb, "all", report.total());
        sb.append("```\n_Reply: the first answer the customer saw, from the mention's arrival; ")
                .append(report.total().byBroadcast()).append(" first answered by an incident broadcast, not an agent. ")
                .append("Breaches: answered later than the priority's target, or still waiting past it (")
                .append(report.total().openBreaches()).append(" waiting now). p50/p90 by nearest rank._");
        if (report.approvalWait().count() > 0) {
            sb.append("\n*Approval wait* (inside the reply time): ").append(report.approvalWait().count())
                    .append(report.approvalWait().count() == 1 ? " case" : " cases").append(" held for a lead, p50/p90 ")
                    .append(pair(report.approvalWait()));
            // a lead who holds P1 replies for minutes costs more than one holding P4s: say which were held
            String sep = " (";
            for (ResponseTimeReport.Row r : report.byPriority()) {
                if (r.approvalWait().count() > 0) {
                    sb.append(sep).append(r.priority().name()).append(": ").append(r.approvalWait().count())
                            .append(r.approvalWait().count() == 1 ? " case, " : " cases, ").append(pair(r.approvalWait()));
                    sep = " · ";
                }
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, ResponseTimeReport.Row r) {
        sb.append(String.format("%-4s %6d %23s %23s %12s %9d%n", name, r.cases(), pair(r.toClaim()),
                pair(r.toFirstReply()), fmt(r.toResolve().median()), r.breaches()));
    }

    static String renderAgents(ResponseTimeReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("*Per agent: ").append(SlackText.escape(report.window().label())).append("*\n");
        if (report.byAgent().isEmpty()) {
            return sb.append("No case was claimed or answered in this window.").toString();
        }
        for (ResponseTimeReport.AgentRow a : report.byAgent()) {
            String who = USER_ID.matcher(a.agent()).matches() ? "<@" + a.agent() + ">" : SlackText.escape(a.agent());
            sb.append("• ").append(who).append(": ").append(a.handled()).append(" handled · claim ")
                    .append(pair(a.toClaim())).append(" · first reply ").append(pair(a.toFirstReply()))
                    .append(" · resolve p50 ").append(fmt(a.toResolve().median())).append(" · ")
                    .append(a.breaches()).append(" breach(es)\n");
        }
        return sb.toString();
    }

    private static String pair(ResponseTimeReport.Spread s) {
        return s.count() == 0 ? "-" : fmt(s.median()) + "/" + fmt(s.p90());
    }

    /** The reports' one duration format ({@link Durations#exact}), as the digest and the incident page show it. */
    static String fmt(Duration d) {
        return d == null ? "-" : Durations.exact(d);
    }

    @Override
    public void close() throws InterruptedException {
        work.shutdown();
        work.awaitTermination(5, TimeUnit.SECONDS);
    }
}
