package io.socialbot.incident;

import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.access.Role;
import io.socialbot.platform.slack.SlackText;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code /incident} subcommands as plain Java: who may do what, and what to answer and announce. */
public final class IncidentCommands {

    /** What the adapter does: answer the caller privately, maybe announce in a channel, maybe offer a broadcast. */
    public record Outcome(String reply, String announceChannel, String announcement, StatusUpdate offerBroadcast) {
        static Outcome reply(String text) {
            return new Outcome(text, null, null, null);
        }
    }

    static final String HELP = """
            *Incident commands*
            • `/incident start <name> [#channel]`: declare an incident (leads)
            • `/incident stop`: end it (leads)
            • `/incident status`: what runs now
            • `/incident list`: past incidents
            • `/incident update <text>`: record a status update for customers (leads)
            • `/incident page`, `/incident page revoke`: a link to the live page of the incident, or end every link (leads)
            • `/digest`, `/digest 6h`, `/digest since 09:00`, `/digest post`: the digest""";

    private final IncidentStore store;
    private final AccessPolicy access;
    private final IncidentProperties properties;
    private final Clock clock;
    private final Optional<IncidentPageLinks> pages;

    public IncidentCommands(IncidentStore store, AccessPolicy access, IncidentProperties properties, Clock clock) {
        this(store, access, properties, clock, Optional.empty());
    }

    /** @param pages the live page's links; empty when the page is not set up */
    public IncidentCommands(IncidentStore store, AccessPolicy access, IncidentProperties properties, Clock clock,
                            Optional<IncidentPageLinks> pages) {
        this.store = store;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
        this.pages = pages;
    }

    public Outcome handle(String userId, String text) {
        String trimmed = text == null ? "" : text.strip();
        String sub = trimmed.isEmpty() ? "" : trimmed.split("\\s+", 2)[0].toLowerCase();
        String rest = trimmed.length() > sub.length() ? trimmed.substring(sub.length()).strip() : "";
        switch (sub) {
            case "start":
            case "stop":
            case "update":
            case "page":
                if (!access.has(userId, Role.LEAD)) {
                    return Outcome.reply(AccessPolicy.refusal(Role.LEAD));
                }
                break;
            case "status":
            case "list":
                break;
            default:
                return Outcome.reply((sub.isEmpty() ? "" : "Unknown subcommand `" + SlackText.escape(sub) + "`.\n")
                        + HELP);
        }
        return switch (sub) {
            case "start" -> start(userId, rest);
            case "stop" -> stop(userId);
            case "status" -> status();
            case "list" -> list();
            case "page" -> page(rest);
            default -> update(userId, rest);
        };
    }

    private Outcome start(String userId, String args) {
        String[] parts = args.isEmpty() ? new String[0] : args.split("\\s+");
        if (parts.length == 0 || parts.length > 2 || !parts[0].matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            return Outcome.reply("Usage: `/incident start <name> [#channel]`; the name is one word "
                    + "(letters, digits, `-`, `_`, `.`), e.g. `/incident start network-outage #incident`.");
        }
        String channel = parts.length == 2 ? channel(parts[1]) : properties.channel();
        IncidentStore.StartResult result = store.start(parts[0], channel, userId, clock.instant());
        if (result instanceof IncidentStore.AlreadyRunning running) {
            return Outcome.reply("Incident *" + SlackText.escape(running.running().name())
                    + "* is already running (started by <@" + running.running().startedBy() + ">). Stop it first with `/incident stop`.");
        }
        if (result instanceof IncidentStore.NameTaken taken) {
            return Outcome.reply("An earlier incident was called *" + SlackText.escape(taken.name())
                    + "*; pick another name, e.g. `" + SlackText.escape(taken.name()) + "-2`.");
        }
        Incident started = ((IncidentStore.Started) result).incident();
        return new Outcome("Started *" + started.name() + "*; digests go to <#" + channel + "> every hour.",
                channel, ":rotating_light: Incident *" + started.name() + "* started by <@" + userId + "> at "
                + time(started) + ". Hourly digests will be posted here.", null);
    }

    private Outcome stop(String userId) {
        return store.stop(userId, clock.instant())
                .map(i -> new Outcome("Stopped *" + i.name() + "*.", i.channel(), ":white_check_mark: Incident *"
                        + i.name() + "* stopped by <@" + userId + ">.", null))
                .orElse(Outcome.reply("No incident is running."));
    }

    private Outcome status() {
        return store.current().map(i -> {
            var latest = store.latestUpdate();
            return Outcome.reply("*" + i.name() + "* running since " + time(i) + " (started by <@" + i.startedBy()
                    + ">, channel <#" + i.channel() + ">)." + latest.map(u -> "\nLatest update: "
                    + SlackText.escape(u.text())).orElse(""));
        }).orElse(Outcome.reply("No incident is running."));
    }

    private Outcome list() {
        List<Incident> all = store.list();
        if (all.isEmpty()) {
            return Outcome.reply("No incidents yet.");
        }
        return Outcome.reply(all.stream().map(i -> "• *" + i.name() + "* " + time(i) + (i.running() ? " (running)"
                : " to " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(i.stoppedAt()
                .atZone(properties.zone())))).collect(Collectors.joining("\n")));
    }

    private Outcome update(String userId, String text) {
        if (text.isBlank()) {
            return Outcome.reply("Usage: `/incident update <text>`, e.g. `/incident update engineers have found the fault`.");
        }
        if (text.length() > properties.updateMaxChars()) {
            return Outcome.reply("That update is " + text.length() + " characters; keep it under "
                    + properties.updateMaxChars() + " so it fits in a reply on X.");
        }
        return store.addUpdate(text, userId, clock.instant())
                .map(u -> new Outcome("Update recorded for *" + u.incident() + "*: " + SlackText.escape(u.text()),
                        null, null, u))
                .orElse(Outcome.reply("No incident is running: start one before posting updates."));
    }

    private Outcome page(String args) {
        if (!args.isEmpty() && !args.equalsIgnoreCase("revoke")) {
            return Outcome.reply("Usage: `/incident page` for a link to the live page, `/incident page revoke` to end "
                    + "every link to it.");
        }
        if (pages.isEmpty()) {
            return Outcome.reply("The live incident page is not set up: an admin sets socialbot.incident-page.base-url"
                    + " and socialbot.incident-page.secret (INCIDENT_PAGE_SECRET).");
        }
        Optional<Incident> running = store.current();
        if (running.isEmpty()) {
            return Outcome.reply("No incident is running.");
        }
        String name = running.get().name();
        if (!args.isEmpty()) {
            pages.get().revoke(name);
            return Outcome.reply("Every link to the page of *" + name + "* now gets 403. `/incident page` makes a new one.");
        }
        IncidentPageLinks.Link link = pages.get().issue(name);
        return Outcome.reply("Live page of *" + name + "*, read-only, updating itself: <" + link.url()
                + "|open the page>\nThe link works for anyone who has it until " + DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm z").format(link.expires().atZone(properties.zone()))
                + ": share it only with people who may read customers' posts. `/incident page revoke` ends every link.");
    }

    private static String channel(String raw) {
        // Slack sends channel mentions as <#C123|name> when escaping is on, or #name when it is off
        if (raw.startsWith("<#") && raw.endsWith(">")) {
            int bar = raw.indexOf('|');
            return raw.substring(2, bar > 0 ? bar : raw.length() - 1);
        }
        return raw.replaceFirst("^#", "");
    }

    private String time(Incident i) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(i.startedAt().atZone(properties.zone()));
    }
}
