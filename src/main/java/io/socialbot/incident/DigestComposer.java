package io.socialbot.incident;

import io.socialbot.platform.slack.SlackText;
import io.socialbot.prompt.PromptId;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.CaseTimeline;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.stats.Percentiles;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the digest of an incident for a window of hours: counts, trend, backlog and response times, in the brand's words. */
public final class DigestComposer {

    static final PromptId HOURLY = PromptId.of("digest/hourly", "incident", "window", "late_note", "update", "volume",
            "sentiment", "themes", "voices", "clusters", "backlog", "response");
    static final PromptId VOLUME = PromptId.of("digest/volume", "mentions", "authors", "retweets", "change",
            "previous", "total_mentions", "total_authors", "hours");
    static final PromptId SENTIMENT = PromptId.of("digest/sentiment", "negative", "neutral", "positive", "trend",
            "trend_line");
    static final PromptId TREND_BETTER = PromptId.of("digest/trend-better");
    static final PromptId TREND_WORSE = PromptId.of("digest/trend-worse");
    static final PromptId TREND_STEADY = PromptId.of("digest/trend-steady");
    static final PromptId TREND_FIRST = PromptId.of("digest/trend-first");
    static final PromptId THEME_LINE = PromptId.of("digest/theme-line", "theme", "count", "example");
    static final PromptId INFLUENCER_LINE = PromptId.of("digest/influencer-line", "handle", "reach");
    static final PromptId PRESS_LINE = PromptId.of("digest/press-line", "handle", "reach");
    static final PromptId CLUSTER_LINE = PromptId.of("digest/cluster-line", "kind", "size", "id");
    static final PromptId BACKLOG = PromptId.of("digest/backlog", "unclaimed", "unresolved", "oldest");
    static final PromptId OLDEST = PromptId.of("digest/oldest", "case", "priority", "waiting");
    static final PromptId RESPONSE = PromptId.of("digest/response", "cases", "claim_median", "claim_p90",
            "reply_median", "reply_p90", "claim_breaches", "reply_breaches", "sla_claim", "sla_reply");
    static final PromptId LATE_NOTE = PromptId.of("digest/late-note", "slot");
    static final PromptId UPDATE = PromptId.of("digest/update", "text", "author", "at");
    static final PromptId NO_UPDATE = PromptId.of("digest/no-update");
    static final PromptId NONE = PromptId.of("digest/none");

    private final IncidentStore incidents;
    private final DigestCounts counts;
    private final CaseTimelineStore cases;
    private final PromptTemplates templates;
    private final IncidentProperties properties;
    private final Clock clock;

    public DigestComposer(IncidentStore incidents, DigestCounts counts, CaseTimelineStore cases,
                          PromptTemplates templates, IncidentProperties properties, Clock clock) {
        this.incidents = incidents;
        this.counts = counts;
        this.cases = cases;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The digest of {@code [from, to)}. Counters are hourly, so the window covers every hour it touches;
     * {@code lateSlot} is the hour start of a digest posted late (null when on time).
     */
    public Digest compose(Incident incident, Instant from, Instant to, Instant lateSlot) {
        DigestFigures f = figures(incident, from, to);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("incident", SlackText.escape(incident.name()));
        v.put("window", time(f.from()) + "–" + time(to));
        v.put("late_note", lateSlot == null ? "" : templates.render(LATE_NOTE, Map.of("slot", time(lateSlot))));
        v.put("update", update(f.latestUpdate()));
        v.put("volume", volume(f.volume()));
        v.put("sentiment", sentiment(f));
        v.put("themes", lines(f.themes().stream().map(e -> templates.render(THEME_LINE,
                Map.of("theme", SlackText.escape(e.name()), "count", e.count(),
                        "example", SlackText.escape(shorten(e.example()))))).toList()));
        v.put("voices", voices(f));
        v.put("clusters", lines(f.clusters().stream().map(c -> templates.render(CLUSTER_LINE,
                Map.of("kind", c.kind().toLowerCase(), "size", c.size(), "id", SlackText.escape(c.id())))).toList()));
        v.put("backlog", backlog(f.backlog()));
        v.put("response", response(f.response()));
        return new Digest(incident.name(), hourOf(f.from()), to, templates.render(HOURLY, v), f.hours(), f);
    }

    /** The figures of {@code [from, to)}: the one computation behind {@code /digest}, its chart and the incident page. */
    public DigestFigures figures(Incident incident, Instant from, Instant to) {
        Instant start = from.isBefore(incident.startedAt()) ? incident.startedAt() : from;
        List<Instant> hours = hours(start, to);
        int n = Math.max(hours.size(), 1);
        List<Instant> previous = new ArrayList<>();
        Instant firstHour = hourOf(incident.startedAt());
        for (int i = n; i >= 1; i--) {
            Instant h = hours.get(0).minus(Duration.ofHours(i));
            if (!h.isBefore(firstHour)) {
                previous.add(h);
            }
        }
        List<Instant> incidentHours = hours(incident.startedAt(), to);
        int top = Math.max(properties.topInfluencers(), properties.topClusters());
        DigestCounts.Window now = counts.read(incident.name(), hours, top);
        DigestCounts.Window before = previous.isEmpty() ? null : counts.read(incident.name(), previous, 1);
        DigestCounts.Window total = counts.read(incident.name(), incidentHours, 1);
        List<Digest.HourPoint> series = new ArrayList<>();
        for (Instant h : incidentHours) {
            DigestCounts.Window w = counts.read(incident.name(), List.of(h), 0);
            series.add(new Digest.HourPoint(h, w.sentiment(Label.NEGATIVE), w.sentiment(Label.NEUTRAL),
                    w.sentiment(Label.POSITIVE)));
        }
        List<Double> negShares = series.stream().filter(p -> p.total() > 0)
                .map(p -> p.negative() * 100.0 / p.total()).toList();
        var volume = new DigestFigures.Volume(now.mentions(), now.uniqueAuthors(), now.retweets(),
                before == null ? Optional.empty() : Optional.of(before.mentions()), total.mentions(),
                total.uniqueAuthors(), incidentHours.size());
        var sentiment = new DigestFigures.Sentiment(now.sentiment(Label.NEGATIVE), now.sentiment(Label.NEUTRAL),
                now.sentiment(Label.POSITIVE));
        List<DigestFigures.Ranked> themes = top(now.themes(), properties.topThemes()).stream()
                .map(e -> new DigestFigures.Ranked(e.getKey(), e.getValue(),
                        now.examples().getOrDefault(e.getKey(), ""))).toList();
        List<DigestFigures.Wave> clusters = top(grouped(now.clusters()), properties.topClusters()).stream()
                .map(e -> new DigestFigures.Wave(e.getKey(), now.clusterKinds().getOrDefault(e.getKey(), "CONTENT"),
                        e.getValue())).toList();
        List<StatusUpdate> updates = incidents.updates(incident.name());
        List<CaseTimeline> ofIncident = cases.forIncident(incident.name());
        return new DigestFigures(incident.name(), hours.get(0).isBefore(start) ? start : hours.get(0), to,
                clock.instant(), volume, sentiment, DigestFigures.Trend.of(negShares), negShares, themes,
                ranked(now.influencers(), properties.topInfluencers()), ranked(now.press(), properties.topInfluencers()),
                clusters, updates.isEmpty() ? Optional.empty() : Optional.of(updates.get(updates.size() - 1)),
                backlog(ofIncident), response(ofIncident, hours.get(0), to), series);
    }

    private String update(Optional<StatusUpdate> latest) {
        if (latest.isEmpty()) {
            return templates.render(NO_UPDATE, Map.of());
        }
        StatusUpdate u = latest.get();
        return templates.render(UPDATE, Map.of("text", SlackText.escape(u.text()), "author", "<@" + u.author() + ">",
                "at", time(u.at())));
    }

    private String volume(DigestFigures.Volume v) {
        String change = v.changePercent().map(pct -> (pct > 0 ? "+" : "") + pct + "%").orElse("n/a");
        return templates.render(VOLUME, Map.of("mentions", v.mentions(), "authors", v.authors(),
                "retweets", v.retweets(), "change", change, "previous", v.previous().orElse(0L),
                "total_mentions", v.totalMentions(), "total_authors", v.totalAuthors(), "hours", v.incidentHours()));
    }

    private String sentiment(DigestFigures f) {
        DigestFigures.Sentiment s = f.sentiment();
        List<Double> negShares = f.negativeShares();
        List<Double> shown = negShares.subList(Math.max(0, negShares.size() - 6), negShares.size());
        String line = shown.stream().map(x -> Math.round(x) + "%").collect(Collectors.joining(" → "));
        return templates.render(SENTIMENT, Map.of("negative", share(s.negative(), s.total()),
                "neutral", share(s.neutral(), s.total()), "positive", share(s.positive(), s.total()),
                "trend", templates.render(prompt(f.trend()), Map.of()), "trend_line", line.isEmpty() ? "–" : line));
    }

    /** Better when the last hour's negative share is clearly below the mean of the two hours before it. */
    static PromptId trend(List<Double> negativeShares) {
        return prompt(DigestFigures.Trend.of(negativeShares));
    }

    /** The sentence the digest uses for a trend (the incident page says the same). */
    public static PromptId prompt(DigestFigures.Trend trend) {
        return switch (trend) {
            case FIRST -> TREND_FIRST;
            case BETTER -> TREND_BETTER;
            case WORSE -> TREND_WORSE;
            case STEADY -> TREND_STEADY;
        };
    }

    private String voices(DigestFigures f) {
        List<String> out = new ArrayList<>();
        f.influencers().forEach(e -> out.add(templates.render(INFLUENCER_LINE,
                Map.of("handle", SlackText.escape(e.name()), "reach", e.count()))));
        f.press().forEach(e -> out.add(templates.render(PRESS_LINE,
                Map.of("handle", SlackText.escape(e.name()), "reach", e.count()))));
        return lines(out);
    }

    private static Map<String, Long> grouped(Map<String, Long> clusters) {
        Map<String, Long> grouped = new LinkedHashMap<>();
        clusters.forEach((id, size) -> {
            if (size > 1) {
                grouped.put(id, size);
            }
        });
        return grouped;
    }

    private static List<DigestFigures.Ranked> ranked(Map<String, Long> values, int n) {
        return top(values, n).stream().map(e -> new DigestFigures.Ranked(e.getKey(), e.getValue(), "")).toList();
    }

    private DigestFigures.Backlog backlog(List<CaseTimeline> ofIncident) {
        Map<Priority, Long> unclaimed = new EnumMap<>(Priority.class);
        Map<Priority, Long> unresolved = new EnumMap<>(Priority.class);
        CaseTimeline oldest = null;
        for (CaseTimeline t : ofIncident) {
            if (!t.open()) {
                continue;
            }
            unresolved.merge(t.priority(), 1L, Long::sum);
            if (t.claimed() == null) {
                unclaimed.merge(t.priority(), 1L, Long::sum);
            }
            if (t.firstReply() == null && (oldest == null || t.received().isBefore(oldest.received()))) {
                oldest = t;
            }
        }
        return new DigestFigures.Backlog(unclaimed, unresolved, oldest == null ? Optional.empty()
                : Optional.of(new DigestFigures.Backlog.Oldest(oldest.caseKey(), oldest.priority(),
                Duration.between(oldest.received(), clock.instant()))));
    }

    private String backlog(DigestFigures.Backlog b) {
        String oldestText = b.oldest().map(o -> templates.render(OLDEST, Map.of("case", SlackText.escape(o.caseKey()),
                "priority", o.priority(), "waiting", duration(o.waiting())))).orElse(templates.render(NONE, Map.of()));
        return templates.render(BACKLOG, Map.of("unclaimed", byPriority(b.unclaimed()), "unresolved",
                byPriority(b.open()), "oldest", oldestText));
    }

    private DigestFigures.Response response(List<CaseTimeline> ofIncident, Instant from, Instant to) {
        Instant now = clock.instant();
        List<Duration> claim = new ArrayList<>();
        List<Duration> reply = new ArrayList<>();
        int claimBreaches = 0;
        int replyBreaches = 0;
        int count = 0;
        for (CaseTimeline t : ofIncident) {
            if (t.received().isBefore(from) || !t.received().isBefore(to)) {
                continue;
            }
            count++;
            Optional<Duration> c = t.timeToClaim();
            Optional<Duration> r = t.timeToFirstReply();
            c.ifPresent(claim::add);
            r.ifPresent(reply::add);
            if (breached(c, t, now, properties.slaClaim())) {
                claimBreaches++;
            }
            if (breached(r, t, now, properties.slaFirstReply())) {
                replyBreaches++;
            }
        }
        return new DigestFigures.Response(count, Percentiles.median(claim), Percentiles.p90(claim),
                Percentiles.median(reply), Percentiles.p90(reply), claimBreaches, replyBreaches,
                properties.slaClaim(), properties.slaFirstReply());
    }

    private String response(DigestFigures.Response r) {
        return templates.render(RESPONSE, Map.of("cases", r.cases(),
                "claim_median", r.claimMedian().map(DigestComposer::duration).orElse("–"),
                "claim_p90", r.claimP90().map(DigestComposer::duration).orElse("–"),
                "reply_median", r.replyMedian().map(DigestComposer::duration).orElse("–"),
                "reply_p90", r.replyP90().map(DigestComposer::duration).orElse("–"),
                "claim_breaches", r.claimBreaches(), "reply_breaches", r.replyBreaches(),
                "sla_claim", duration(r.slaClaim()), "sla_reply", duration(r.slaReply())));
    }

    /** Late, or still waiting past the target (a case nobody took counts as a breach once the target passed). */
    private static boolean breached(Optional<Duration> took, CaseTimeline t, Instant now, Duration target) {
        if (took.isPresent()) {
            return took.get().compareTo(target) > 0;
        }
        return t.open() && Duration.between(t.received(), now).compareTo(target) > 0;
    }

    private String lines(List<String> lines) {
        return lines.isEmpty() ? templates.render(NONE, Map.of()) : String.join("\n", lines);
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> values, int n) {
        return values.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).toList();
    }

    private static String byPriority(Map<Priority, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "0";
        }
        return total + " (" + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    /** A whole-percent share, as the digest prints it. */
    public static String share(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(part * 100.0 / whole) + "%";
    }

    /** A duration as the digest prints it: {@code 45s}, {@code 12m 05s}, {@code 2h 07m}. */
    public static String duration(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : String.format(" %02ds", s % 60));
        }
        return (s / 3600) + "h " + String.format("%02dm", (s % 3600) / 60);
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 140 ? oneLine : oneLine.substring(0, 139) + "…";
    }

    private String time(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(properties.zone()));
    }

    private Instant hourOf(Instant at) {
        return IncidentMentionCounter.hourOf(at, properties.zone());
    }

    /** Hour starts touching {@code [from, to)}, at least one. */
    List<Instant> hours(Instant from, Instant to) {
        List<Instant> out = new ArrayList<>();
        for (Instant h = hourOf(from); h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            out.add(h);
        }
        if (out.isEmpty()) {
            out.add(hourOf(from));
        }
        return out;
    }
}
