package io.socialbot.incident;

import io.socialbot.incident.DigestFigures.HourPoint;
import io.socialbot.platform.slack.SlackText;
import io.socialbot.prompt.PromptId;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.Durations;
import io.socialbot.stats.ResponseTimeReport;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders {@link DigestFigures} as Slack mrkdwn in the brand's words ({@code prompts/digest/}); outside text escaped. */
final class DigestText {

    static final PromptId HOURLY = PromptId.of("digest/hourly", "incident", "window", "late_note", "update", "volume",
            "sentiment", "themes", "places", "voices", "clusters", "backlog", "response");
    static final PromptId VOLUME = PromptId.of("digest/volume", "mentions", "authors", "retweets", "not_relevant",
            "change", "previous", "total_mentions", "total_authors", "span");
    static final PromptId SENTIMENT = PromptId.of("digest/sentiment", "negative", "neutral", "positive", "trend",
            "trend_line");
    static final PromptId SENTIMENT_EMPTY = PromptId.of("digest/sentiment-empty");
    static final PromptId CHECKED = PromptId.of("digest/sentiment-checked", "labelled", "agreed", "share");
    static final PromptId CHECKED_MISREAD = PromptId.of("digest/sentiment-misread", "shown", "said", "count");
    static final PromptId TREND_BETTER = PromptId.of("digest/trend-better");
    static final PromptId TREND_WORSE = PromptId.of("digest/trend-worse");
    static final PromptId TREND_STEADY = PromptId.of("digest/trend-steady");
    static final PromptId TREND_FIRST = PromptId.of("digest/trend-first");
    static final PromptId TREND_TOO_FEW = PromptId.of("digest/trend-too-few", "min");
    static final PromptId THEME_LINE = PromptId.of("digest/theme-line", "theme", "count", "example");
    static final PromptId THEME_LINE_BARE = PromptId.of("digest/theme-line-bare", "theme", "count");
    static final PromptId PLACE = PromptId.of("digest/place", "place", "count");
    static final PromptId INFLUENCER_LINE = PromptId.of("digest/influencer-line", "handle", "reach");
    static final PromptId PRESS_LINE = PromptId.of("digest/press-line", "handle", "reach");
    static final PromptId CLUSTER_LINE = PromptId.of("digest/cluster-line", "kind", "size", "id");
    static final PromptId BACKLOG = PromptId.of("digest/backlog", "unclaimed", "unresolved", "waiting", "oldest");
    static final PromptId OLDEST = PromptId.of("digest/oldest", "case", "priority", "waiting", "safety");
    static final PromptId OLDEST_SAFETY = PromptId.of("digest/oldest-safety");
    static final PromptId NOBODY_WAITING = PromptId.of("digest/nobody-waiting");
    static final PromptId RESPONSE = PromptId.of("digest/response", "cases", "claim_median", "claim_p90",
            "reply_median", "reply_p90", "breaches", "broadcast", "targets");
    static final PromptId LATE_NOTE = PromptId.of("digest/late-note", "slot");
    static final PromptId UPDATE = PromptId.of("digest/update", "text", "author", "at");
    static final PromptId NO_UPDATE = PromptId.of("digest/no-update");
    static final PromptId NONE = PromptId.of("digest/none");

    private final PromptTemplates templates;

    DigestText(PromptTemplates templates) {
        this.templates = templates;
    }

    String render(DigestFigures f) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("incident", SlackText.escape(f.incident()));
        v.put("window", day(f, f.from()) + " " + time(f, f.from()) + "–" + time(f, f.to()) + " (" + f.zone().getId()
                + ")");
        v.put("late_note", f.lateSlot() == null ? "" : templates.render(LATE_NOTE, Map.of("slot", time(f, f.lateSlot()))));
        v.put("update", f.update() == null ? templates.render(NO_UPDATE, Map.of()) : templates.render(UPDATE,
                Map.of("text", SlackText.escape(f.update().text()), "author", "<@" + f.update().author() + ">",
                        "at", time(f, f.update().at()))));
        v.put("volume", volume(f));
        v.put("sentiment", sentiment(f));
        v.put("themes", lines(f.themes().stream().map(t -> t.example() == null
                ? templates.render(THEME_LINE_BARE, Map.of("theme", SlackText.escape(t.theme()), "count", t.count()))
                : templates.render(THEME_LINE, Map.of("theme", SlackText.escape(t.theme()), "count", t.count(),
                "example", SlackText.escape(shorten(t.example()))))).toList()));
        v.put("places", f.places().isEmpty() ? templates.render(NONE, Map.of()) : f.places().stream()
                .map(p -> templates.render(PLACE, Map.of("place", SlackText.escape(p.name()), "count", p.count())))
                .collect(Collectors.joining(" · ")));
        v.put("voices", lines(f.voices().stream().map(x -> templates.render(x.press() ? PRESS_LINE : INFLUENCER_LINE,
                Map.of("handle", SlackText.escape(x.handle()), "reach", x.reach()))).toList()));
        v.put("clusters", lines(f.waves().stream().map(w -> templates.render(CLUSTER_LINE, Map.of("kind", w.kind(),
                "size", w.size(), "id", caseRef(w.id(), w.link())))).toList()));
        v.put("backlog", backlog(f.backlog()));
        v.put("response", response(f.response()));
        return templates.render(HOURLY, v);
    }

    private String volume(DigestFigures f) {
        DigestFigures.Volume now = f.volume();
        String change;
        if (f.previous() == null || f.previous().mentions() == 0) {
            change = "n/a";
        } else {
            long pct = Math.round((now.mentions() - f.previous().mentions()) * 100.0 / f.previous().mentions());
            change = (pct > 0 ? "+" : "") + pct + "%";
        }
        return templates.render(VOLUME, Map.of("mentions", now.mentions(), "authors", now.authors(),
                "retweets", now.retweets(), "not_relevant", now.notRelevant(), "change", change,
                "previous", f.previous() == null ? 0 : f.previous().mentions(),
                "total_mentions", f.total().mentions(), "total_authors", f.total().authors(),
                "span", Durations.exact(f.totalSpan())));
    }

    private String sentiment(DigestFigures f) {
        long sum = f.sentiment().values().stream().mapToLong(Long::longValue).sum();
        if (sum == 0) {
            return templates.render(SENTIMENT_EMPTY, Map.of());
        }
        List<HourPoint> hours = f.hours();
        String line = hours.subList(Math.max(0, hours.size() - 6), hours.size()).stream()
                .map(h -> (h.total() == 0 ? "–" : Math.round(DigestComposer.negativeShare(h)) + "%") + " of "
                        + h.total() + (h.partial() ? "*" : ""))
                .collect(Collectors.joining(" → "));
        return templates.render(SENTIMENT, Map.of("negative", share(f.sentiment().get(Label.NEGATIVE), sum),
                "neutral", share(f.sentiment().get(Label.NEUTRAL), sum),
                "positive", share(f.sentiment().get(Label.POSITIVE), sum),
                "trend", trend(f),
                "trend_line", line)) + (f.checked().labelled() == 0 ? "" : "\n" + checked(f.checked()));
    }

    /** How far to trust the shares: people's labels since the start against triage's; empty when none. */
    String checked(DigestFigures.Checked c) {
        if (c.labelled() == 0) {
            return "";
        }
        String line = templates.render(CHECKED, Map.of("labelled", c.labelled(), "agreed", c.agreed(),
                "share", Math.round(100.0 * c.agreed() / c.labelled()) + "%"));
        return c.misread() == 0 ? line : line + " " + templates.render(CHECKED_MISREAD, Map.of(
                "shown", SentimentLabel.name(c.shown()), "said", SentimentLabel.name(c.said()), "count", c.misread()));
    }

    /** The trend sentence, the same words on Slack and on the incident page. */
    String trend(DigestFigures f) {
        PromptId trend = switch (f.trend()) {
            case BETTER -> TREND_BETTER;
            case WORSE -> TREND_WORSE;
            case STEADY -> TREND_STEADY;
            case FIRST -> TREND_FIRST;
            case TOO_FEW, EMPTY -> TREND_TOO_FEW;
        };
        return templates.render(trend, f.trend() == DigestFigures.Trend.TOO_FEW
                || f.trend() == DigestFigures.Trend.EMPTY ? Map.of("min", f.trendMinMentions()) : Map.of());
    }

    private String backlog(DigestFigures.Backlog b) {
        String oldest;
        if (b.oldest() == null) {
            oldest = templates.render(NOBODY_WAITING, Map.of());
        } else {
            oldest = templates.render(OLDEST, Map.of("case", caseRef(b.oldest().caseKey(), b.oldest().link()),
                    "priority", b.oldest().priority(),
                    "waiting", Durations.exact(b.oldest().waited()),
                    "safety", b.oldest().safety() ? templates.render(OLDEST_SAFETY, Map.of()) : ""));
        }
        String waiting = b.waiting() + (b.waitingSafety() == 0 ? "" : b.waitingSafety() == b.waiting()
                ? " (all safety cases: a person must answer)" : " (" + b.waitingSafety() + " safety)");
        return templates.render(BACKLOG, Map.of("unclaimed", byPriority(b.unclaimed()), "unresolved",
                byPriority(b.open()), "waiting", waiting, "oldest", oldest));
    }

    private String response(ResponseTimeReport r) {
        ResponseTimeReport.Row all = r.total();
        List<String> targets = new ArrayList<>();
        for (Priority p : Priority.values()) {
            ResponseTimeReport.Row row = r.row(p);
            if (row.cases() > 0) {
                targets.add(p + " " + row.breaches() + "/" + row.cases());
            }
        }
        return templates.render(RESPONSE, Map.of("cases", all.cases(),
                "claim_median", spread(all.toClaim().median()), "claim_p90", spread(all.toClaim().p90()),
                "reply_median", spread(all.toFirstReply().median()), "reply_p90", spread(all.toFirstReply().p90()),
                "breaches", all.breaches(), "broadcast", all.byBroadcast(),
                "targets", targets.isEmpty() ? "–" : String.join(", ", targets)));
    }

    /** A case key, linked to its Slack post when the link is known (the link comes from Slack itself). */
    private static String caseRef(String caseKey, String link) {
        String key = SlackText.escape(caseKey).replace("|", "¦");
        return link == null ? key : "<" + link + "|" + key + ">";
    }

    private static String spread(java.time.Duration d) {
        return d == null ? "–" : Durations.exact(d);
    }

    private String lines(List<String> lines) {
        return lines.isEmpty() ? templates.render(NONE, Map.of()) : String.join("\n", lines);
    }

    private static String byPriority(Map<Priority, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "0";
        }
        return total + " (" + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    static String share(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(part * 100.0 / whole) + "%";
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 140 ? oneLine : oneLine.substring(0, 139) + "…";
    }

    private static String time(DigestFigures f, Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(f.zone()));
    }

    private static String day(DigestFigures f, Instant at) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH).format(at.atZone(f.zone()));
    }
}
