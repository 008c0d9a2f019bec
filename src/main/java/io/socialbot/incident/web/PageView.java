package io.socialbot.incident.web;

import io.socialbot.incident.DigestComposer;
import io.socialbot.incident.DigestFigures;
import io.socialbot.incident.DigestFigures.HourPoint;
import io.socialbot.stats.Durations;
import io.socialbot.stats.ResponseTimeReport;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the incident page shows, formatted from the digest's figures (never recomputed) and laid out for the
 * template: every text here is still raw, the template escapes it.
 */
record PageView(String incident, String window, String updatedAt, String updatedIso, long refreshSeconds,
                Loudness volume, Shares shares, String trend, String trendLine, String checked, Chart chart,
                ShareLine shareLine,
                List<DigestFigures.ThemeCount> themes, List<DigestFigures.Count> places,
                List<DigestFigures.Voice> voices, List<DigestFigures.Wave> clusters, Optional<Update> update,
                List<BacklogRow> backlog, String waiting, Optional<Oldest> oldest, List<ResponseRow> response,
                int responseCases, int byBroadcast) {

    static final int WIDTH = 480;
    static final int HEIGHT = 260;
    static final int LEFT = 40;
    static final int BOTTOM = 24;
    static final int TOP = 8;
    static final int LINE_LEFT = 48;

    /** The window's volume beside the hours before it and the whole incident, as the digest states them. */
    record Loudness(long mentions, long authors, long retweets, long notRelevant, String change, long previous,
                    long totalMentions, long totalAuthors, String span) {
    }

    /** Sentiment shares of the window, as the digest prints them. */
    record Shares(String negative, String neutral, String positive, long negativeCount, long neutralCount,
                  long positiveCount) {
    }

    /** Stacked bars of mentions per hour, in SVG user units. */
    record Chart(int width, int height, int left, int baseline, List<Bar> bars, List<Tick> ticks) {
    }

    record Bar(double x, double width, double labelX, String label, boolean labelled, String title,
               List<Segment> segments, HourPoint point) {
    }

    record Segment(String css, double y, double height) {
    }

    record Tick(double y, String label) {
    }

    /** Negative share per hour with mentions, as a polyline over 0-100 %. */
    record ShareLine(int width, int height, String points, List<Dot> dots) {
    }

    record Dot(double x, double y, String title) {
    }

    record Update(String text, String at) {
    }

    record BacklogRow(String priority, long unclaimed, long open) {
    }

    record Oldest(String caseKey, String priority, String waiting, boolean safety) {
    }

    /** One priority's response times; {@code breaches} are cases answered after its target or still over it. */
    record ResponseRow(String priority, int cases, String claimMedian, String claimP90, String replyMedian,
                       String replyP90, int breaches) {
    }

    /** @param checkedSentence the digest's line on people's sentiment labels, empty when nobody labelled */
    static PageView of(DigestFigures f, Instant now, Duration refresh, String trendSentence, String checkedSentence) {
        ZoneId zone = f.zone();
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        DateTimeFormatter full = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy").withZone(zone);
        long neg = f.sentiment().getOrDefault(Label.NEGATIVE, 0L);
        long neu = f.sentiment().getOrDefault(Label.NEUTRAL, 0L);
        long pos = f.sentiment().getOrDefault(Label.POSITIVE, 0L);
        long sum = neg + neu + pos;
        Shares shares = new Shares(DigestComposer.share(neg, sum), DigestComposer.share(neu, sum),
                DigestComposer.share(pos, sum), neg, neu, pos);
        List<HourPoint> hours = f.hours();
        String trendLine = hours.subList(Math.max(0, hours.size() - 6), hours.size()).stream()
                .map(h -> (h.total() == 0 ? "–" : Math.round(DigestComposer.negativeShare(h)) + "%")
                        + (h.partial() ? "*" : ""))
                .collect(Collectors.joining(" → "));
        DigestFigures.Backlog b = f.backlog();
        List<BacklogRow> backlog = new ArrayList<>();
        for (Priority p : Priority.values()) {
            backlog.add(new BacklogRow(p.name(), b.unclaimed().getOrDefault(p, 0L), b.open().getOrDefault(p, 0L)));
        }
        String waiting = b.waiting() + (b.waitingSafety() == 0 ? "" : b.waitingSafety() == b.waiting()
                ? " (all safety cases: a person must answer)" : " (" + b.waitingSafety() + " safety)");
        ResponseTimeReport r = f.response();
        List<ResponseRow> response = new ArrayList<>();
        for (Priority p : Priority.values()) {
            ResponseTimeReport.Row row = r.row(p);
            if (row.cases() > 0) {
                response.add(row(p.name(), row));
            }
        }
        response.add(row("all", r.total()));
        DigestFigures.Volume v = f.volume();
        String change = "n/a";
        if (f.previous() != null && f.previous().mentions() > 0) {
            long pct = Math.round((v.mentions() - f.previous().mentions()) * 100.0 / f.previous().mentions());
            change = (pct > 0 ? "+" : "") + pct + "%";
        }
        Loudness loudness = new Loudness(v.mentions(), v.authors(), v.retweets(), v.notRelevant(), change,
                f.previous() == null ? 0 : f.previous().mentions(), f.total().mentions(), f.total().authors(),
                Durations.exact(f.totalSpan()));
        return new PageView(f.incident(), day.format(f.from()) + " " + hm.format(f.from()) + "–" + hm.format(f.to())
                + " (" + zone.getId() + ")", full.format(now), now.toString(), refresh.toSeconds(), loudness, shares,
                trendSentence, trendLine.isEmpty() ? "–" : trendLine, checkedSentence, chart(hours, hm),
                shareLine(hours, hm),
                f.themes(), f.places(), f.voices(), f.waves(),
                Optional.ofNullable(f.update()).map(u -> new Update(u.text(), full.format(u.at()))),
                backlog, waiting, Optional.ofNullable(b.oldest()).map(o -> new Oldest(o.caseKey(),
                o.priority().name(), Durations.exact(o.waited()), o.safety())), response, r.total().cases(),
                r.total().byBroadcast());
    }

    private static ResponseRow row(String what, ResponseTimeReport.Row row) {
        return new ResponseRow(what, row.cases(), spread(row.toClaim().median()), spread(row.toClaim().p90()),
                spread(row.toFirstReply().median()), spread(row.toFirstReply().p90()), row.breaches());
    }

    private static String spread(Duration d) {
        return d == null ? "–" : Durations.exact(d);
    }

    static Chart chart(List<HourPoint> hours, DateTimeFormatter hm) {
        long max = hours.stream().mapToLong(HourPoint::total).max().orElse(0);
        long top = niceCeiling(max);
        int baseline = HEIGHT - BOTTOM;
        double plot = baseline - TOP;
        int n = Math.max(hours.size(), 1);
        double slot = (WIDTH - LEFT - 4) / (double) n;
        int every = (int) Math.ceil(n / 12.0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            HourPoint p = hours.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double y = baseline;
            List<Segment> segments = new ArrayList<>();
            for (var part : List.of(new Object[]{"neg", p.negative()}, new Object[]{"neu", p.neutral()},
                    new Object[]{"pos", p.positive()})) {
                double h = plot * (long) part[1] / top;
                y -= h;
                if (h > 0) {
                    segments.add(new Segment((String) part[0], round(y), round(h)));
                }
            }
            // a partial hour (the first or the current one) is starred, as on the digest's chart
            String label = hm.format(p.hour()) + (p.partial() ? "*" : "");
            bars.add(new Bar(round(x), round(slot * 0.7), round(x + slot * 0.35), label, i % every == 0,
                    label + ": " + p.total() + " mentions, " + p.negative() + " negative, " + p.neutral()
                            + " neutral, " + p.positive() + " positive" + (p.partial() ? " (part of the hour)" : ""),
                    segments, p));
        }
        List<Tick> ticks = List.of(new Tick(baseline, "0"), new Tick(round(baseline - plot / 2), fmt(top / 2.0)),
                new Tick(TOP, String.valueOf(top)));
        return new Chart(WIDTH, HEIGHT, LEFT, baseline, bars, ticks);
    }

    static ShareLine shareLine(List<HourPoint> hours, DateTimeFormatter hm) {
        int width = 360;
        int height = 130;
        List<HourPoint> withMentions = hours.stream().filter(p -> p.total() > 0).toList();
        int n = withMentions.size();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HourPoint p = withMentions.get(i);
            double share = DigestComposer.negativeShare(p);
            double x = n == 1 ? width / 2.0 : LINE_LEFT + i * (width - LINE_LEFT - 12) / (double) (n - 1);
            double y = 8 + (height - 16) * (1 - share / 100);
            dots.add(new Dot(round(x), round(y), hm.format(p.hour()) + ": " + Math.round(share) + "% negative"));
        }
        String points = dots.stream().map(d -> d.x() + "," + d.y()).collect(Collectors.joining(" "));
        return new ShareLine(width, height, points, dots);
    }

    /** 1, 2, 5 × 10^k at or above {@code max}, at least 2, so the half-way tick is a whole number or a half. */
    static long niceCeiling(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[]{1, 2, 5}) {
                if (m * step >= Math.max(max, 2)) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
