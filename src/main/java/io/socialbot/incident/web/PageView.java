package io.socialbot.incident.web;

import io.socialbot.incident.Digest;
import io.socialbot.incident.DigestComposer;
import io.socialbot.incident.DigestFigures;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
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
                DigestFigures.Volume volume, String change, Shares shares, String trend, String trendLine,
                Chart chart, ShareLine shareLine, List<DigestFigures.Ranked> themes,
                List<DigestFigures.Ranked> influencers, List<DigestFigures.Ranked> press,
                List<DigestFigures.Wave> clusters, Optional<Update> update, List<BacklogRow> backlog,
                Optional<Oldest> oldest, List<ResponseRow> response, int responseCases) {

    static final int WIDTH = 480;
    static final int HEIGHT = 260;
    static final int LEFT = 40;
    static final int BOTTOM = 24;
    static final int TOP = 8;
    static final int LINE_LEFT = 48;

    /** Sentiment shares of the window, as the digest prints them. */
    record Shares(String negative, String neutral, String positive, long negativeCount, long neutralCount,
                  long positiveCount) {
    }

    /** Stacked bars of mentions per hour, in SVG user units. */
    record Chart(int width, int height, int left, int baseline, List<Bar> bars, List<Tick> ticks) {
    }

    record Bar(double x, double width, double labelX, String label, boolean labelled, String title,
               List<Segment> segments, Digest.HourPoint point) {
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

    record Oldest(String caseKey, String priority, String waiting) {
    }

    /** One response time against its target; {@code over} is true when the p90 misses it. */
    record ResponseRow(String what, String median, String p90, String target, int breaches, boolean over) {
    }

    static PageView of(DigestFigures f, ZoneId zone, Duration refresh, String trendSentence) {
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        DateTimeFormatter full = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
        DigestFigures.Sentiment s = f.sentiment();
        Shares shares = new Shares(DigestComposer.share(s.negative(), s.total()),
                DigestComposer.share(s.neutral(), s.total()), DigestComposer.share(s.positive(), s.total()),
                s.negative(), s.neutral(), s.positive());
        List<Double> neg = f.negativeShares();
        String trendLine = neg.subList(Math.max(0, neg.size() - 6), neg.size()).stream()
                .map(x -> Math.round(x) + "%").collect(Collectors.joining(" → "));
        DigestFigures.Backlog b = f.backlog();
        List<BacklogRow> backlog = new ArrayList<>();
        for (Priority p : Priority.values()) {
            backlog.add(new BacklogRow(p.name(), b.unclaimed().getOrDefault(p, 0L), b.open().getOrDefault(p, 0L)));
        }
        DigestFigures.Response r = f.response();
        List<ResponseRow> response = List.of(
                row("Time to claim", r.claimMedian(), r.claimP90(), r.slaClaim(), r.claimBreaches()),
                row("Time to first reply", r.replyMedian(), r.replyP90(), r.slaReply(), r.replyBreaches()));
        return new PageView(f.incident(), hm.format(f.from()) + "–" + hm.format(f.to()) + " " + zone.getId(),
                full.format(f.computedAt()), f.computedAt().toString(), refresh.toSeconds(), f.volume(),
                f.volume().changePercent().map(p -> (p > 0 ? "+" : "") + p + "%").orElse("n/a"), shares,
                trendSentence, trendLine.isEmpty() ? "–" : trendLine, chart(f.hours(), hm), shareLine(f, hm),
                f.themes(), f.influencers(), f.press(), f.clusters(),
                f.latestUpdate().map(u -> new Update(u.text(), full.format(u.at()))),
                backlog, b.oldest().map(o -> new Oldest(o.caseKey(), o.priority().name(),
                DigestComposer.duration(o.waiting()))), response, r.cases());
    }

    private static ResponseRow row(String what, Optional<Duration> median, Optional<Duration> p90, Duration target,
                                   int breaches) {
        return new ResponseRow(what, median.map(DigestComposer::duration).orElse("–"),
                p90.map(DigestComposer::duration).orElse("–"), DigestComposer.duration(target), breaches,
                p90.map(d -> d.compareTo(target) > 0).orElse(false) || breaches > 0);
    }

    static Chart chart(List<Digest.HourPoint> hours, DateTimeFormatter hm) {
        long max = hours.stream().mapToLong(Digest.HourPoint::total).max().orElse(0);
        long top = niceCeiling(max);
        int baseline = HEIGHT - BOTTOM;
        double plot = baseline - TOP;
        int n = Math.max(hours.size(), 1);
        double slot = (WIDTH - LEFT - 4) / (double) n;
        int every = (int) Math.ceil(n / 12.0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            Digest.HourPoint p = hours.get(i);
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
            String label = hm.format(p.hour());
            bars.add(new Bar(round(x), round(slot * 0.7), round(x + slot * 0.35), label, i % every == 0,
                    label + ": " + p.total() + " mentions, " + p.negative() + " negative, " + p.neutral()
                            + " neutral, " + p.positive() + " positive", segments, p));
        }
        List<Tick> ticks = List.of(new Tick(baseline, "0"), new Tick(round(baseline - plot / 2), fmt(top / 2.0)),
                new Tick(TOP, String.valueOf(top)));
        return new Chart(WIDTH, HEIGHT, LEFT, baseline, bars, ticks);
    }

    static ShareLine shareLine(DigestFigures f, DateTimeFormatter hm) {
        int width = 360;
        int height = 130;
        List<Digest.HourPoint> withMentions = f.hours().stream().filter(p -> p.total() > 0).toList();
        int n = withMentions.size();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Digest.HourPoint p = withMentions.get(i);
            double share = f.negativeShares().get(i);
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
