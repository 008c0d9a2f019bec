package io.socialbot.incident;

import io.socialbot.casework.CaseEvent;
import io.socialbot.mention.Mention;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Cluster;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated incident: mentions with decisions over several hours, and the case events casework would emit.
 * Tests compute what a digest should say from these lists on their own.
 */
final class ReplayedIncident {

    static final String NAME = "network-outage";
    static final Instant START = Instant.parse("2026-03-02T09:20:00Z");
    static final String PRESS = "newsdesk";
    static final String[] THEMES = {"outage", "billing", "refund"};

    /** One generated mention with what triage decided and what happened to its case. */
    record Item(Mention mention, TriageDecision decision, Instant claimed, Instant replied, Instant resolved) {
        boolean isCase() {
            return mention.retweetOf() == null;
        }
    }

    final List<Item> items = new ArrayList<>();

    /** {@code perHour[i]} mentions in hour i (the first hour starts at the incident start), negative share per hour. */
    ReplayedIncident(int[] perHour, double[] negative, long seed) {
        Random random = new Random(seed);
        Instant hourStart = Instant.parse("2026-03-02T09:00:00Z");
        int stormSize = 0;
        int seq = 0;
        for (int h = 0; h < perHour.length; h++) {
            Instant from = h == 0 ? START : hourStart.plus(Duration.ofHours(h));
            long span = Duration.between(from, hourStart.plus(Duration.ofHours(h + 1))).getSeconds();
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < perHour[h]; i++) {
                times.add(from.plusSeconds(random.nextInt((int) span)));
            }
            times.sort(null);
            for (Instant at : times) {
                seq++;
                int who = random.nextInt(120);
                boolean press = random.nextInt(25) == 0;
                boolean big = h == perHour.length - 1 && random.nextInt(30) == 0;
                String handle = press ? PRESS : big ? "bigvoice" : "user" + who;
                long followers = press ? 500_000 : big ? 2_000_000 : who * 100L;
                boolean retweet = random.nextInt(4) == 0;
                double r = random.nextDouble();
                Label label = r < negative[h] ? Label.NEGATIVE : r < negative[h] + (1 - negative[h]) / 2
                        ? Label.NEUTRAL : Label.POSITIVE;
                boolean safety = !retweet && random.nextInt(15) == 0;
                List<String> themes = safety ? List.of("safety", "outage")
                        : List.of(THEMES[Math.min(random.nextInt(5), 2)]);
                String id = String.valueOf(1000 + seq);
                Cluster cluster;
                if (retweet) {
                    stormSize++;
                    cluster = new Cluster("x:storm", Cluster.Kind.RETWEET, stormSize);
                } else {
                    cluster = new Cluster("x:" + id, Cluster.Kind.SINGLE, 1);
                }
                Mention m = new Mention(id, "x", at, "Still down <" + seq + "> & no word @" + handle,
                        new Mention.Author("a" + handle, handle, handle, followers, false),
                        "https://x.com/" + handle + "/status/" + id, "en", retweet ? "storm" : null, null, null);
                Priority priority = safety ? Priority.P1 : label == Label.NEGATIVE ? Priority.P2 : Priority.P3;
                TriageDecision d = new TriageDecision(m.key(), id, "en", new Sentiment(label, 0), priority,
                        List.of(), themes, cluster, true, retweet ? null : "C0CARE");
                Instant claimed = seq % 3 == 0 ? null : at.plus(Duration.ofMinutes(seq % 20 + 1));
                Instant replied = claimed != null && seq % 2 == 0 ? claimed.plus(Duration.ofMinutes(5)) : null;
                Instant resolved = replied != null && seq % 5 == 0 ? replied.plus(Duration.ofMinutes(10)) : null;
                items.add(new Item(m, d, claimed, replied, resolved));
            }
        }
    }

    /** Case events up to {@code now}, in the order casework would emit them. */
    List<CaseEvent> caseEvents(Instant now) {
        List<CaseEvent> out = new ArrayList<>();
        for (Item i : items) {
            if (!i.isCase() || !i.mention().createdAt().isBefore(now)) {
                continue;
            }
            String key = i.mention().key();
            out.add(new CaseEvent.Received(key, i.decision().priority(), NAME, i.mention().createdAt()));
            if (i.claimed() != null && i.claimed().isBefore(now)) {
                out.add(new CaseEvent.Claimed(key, "UAGENT", i.claimed()));
            }
            if (i.replied() != null && i.replied().isBefore(now)) {
                out.add(new CaseEvent.Replied(key, "UAGENT", i.replied()));
            }
            if (i.resolved() != null && i.resolved().isBefore(now)) {
                out.add(new CaseEvent.Resolved(key, "UAGENT", i.resolved()));
            }
        }
        return out;
    }

    List<Item> between(Instant from, Instant to) {
        return items.stream().filter(i -> !i.mention().createdAt().isBefore(from)
                && i.mention().createdAt().isBefore(to)).toList();
    }
}
