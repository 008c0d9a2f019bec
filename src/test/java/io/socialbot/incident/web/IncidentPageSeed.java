package io.socialbot.incident.web;

import io.socialbot.casework.CaseEvent;
import io.socialbot.incident.IncidentMentionCounter;
import io.socialbot.incident.IncidentStore;
import io.socialbot.mention.Mention;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.SentimentLabels;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Instant;
import java.util.List;

/** The incident's mentions and cases, with the figures they must give worked out by hand. */
final class IncidentPageSeed {

    record Hour(String at, int negative, int neutral, int positive) {
        int total() {
            return negative + neutral + positive;
        }
    }

    static final Hour HOUR09 = new Hour("09:30", 5, 0, 0);
    static final Hour HOUR10 = new Hour("10:30", 14, 4, 2);
    static final Hour HOUR11 = new Hour("11:10", 6, 3, 3);

    /** Texts a hostile customer could post; any one that ran would change the title or set window.pwned. */
    static final List<String> HOSTILE = List.of(
            "<script>document.title='PWNED';window.pwned=1</script> still down",
            "<img src=x onerror=\"document.title='PWNED';window.pwned=2\"> no service",
            "<a href=\"javascript:window.pwned=3\">click for a refund</a>",
            "\u202Eetadpu on ,nwod ecivres",
            "\"><svg onload=window.pwned=4></svg> outage",
            "[[${T(java.lang.Runtime).getRuntime()}]] {{7*7}} </bdi></main><script>window.pwned=5</script>");
    static final String HOSTILE_HANDLE = "evil<script>window.pwned=6</script>";

    /** A theme per hostile text, so each is the example of one (ties are listed by name). */
    static final List<String> THEMES = List.of("a-script", "b-img", "c-link", "d-rtl", "e-svg", "f-template");

    /** The incidents: "earlier", started and stopped on 1 March, then "outage", started at 09:20 on the 2nd. */
    static void incidents(IncidentStore incidents) {
        incidents.start("earlier", "C0INC", "ULEAD", Instant.parse("2026-03-01T08:00:00Z"));
        incidents.stop("ULEAD", Instant.parse("2026-03-01T09:00:00Z"));
        incidents.start("outage", "C0INC", "ULEAD", Instant.parse("2026-03-02T09:20:00Z"));
    }

    /**
     * Each mention by a different author; in the 11:00 hour the first six carry a hostile text and a theme of
     * their own besides "outage", the second is by a hostile handle, the third by the press, the last 4 a wave.
     */
    static void mentions(IncidentMentionCounter counter) {
        int n = 0;
        for (Hour hour : List.of(HOUR09, HOUR10, HOUR11)) {
            boolean last = hour == HOUR11;
            for (int i = 0; i < hour.total(); i++) {
                n++;
                Label label = i < hour.negative() ? Label.NEGATIVE
                        : i < hour.negative() + hour.neutral() ? Label.NEUTRAL : Label.POSITIVE;
                Instant at = Instant.parse("2026-03-02T" + hour.at() + ":00Z").plusSeconds(i * 60L);
                String handle = !last ? "user" + n : i == 1 ? HOSTILE_HANDLE : i == 2 ? "newsdesk" : "user" + n;
                long followers = !last ? 10 : i == 1 ? 900_000 : i == 2 ? 500_000 : 100 + n;
                String text = last ? HOSTILE.get(i % HOSTILE.size()) : "down again";
                List<String> themes = last && i < HOSTILE.size() ? List.of("outage", THEMES.get(i))
                        : List.of("outage");
                var cluster = last && i >= 8
                        ? new TriageDecision.Cluster("x:wave", TriageDecision.Cluster.Kind.RETWEET, 4)
                        : new TriageDecision.Cluster("x:m" + n, TriageDecision.Cluster.Kind.SINGLE, 1);
                Mention m = new Mention("m" + n, "x", at, text, new Mention.Author("a" + n, handle, "User",
                        followers, false), null, "en", null, null, null);
                counter.onDecision(m, new TriageDecision(m.key(), m.id(), "en",
                        new TriageDecision.Sentiment(label, label == Label.NEGATIVE ? -0.5 : 0.2), Priority.P2,
                        List.of(), themes, cluster, true, "C0CARE"));
            }
        }
    }

    /**
     * c1 P2 claimed 5m, replied 15m, resolved; c2 P2 claimed 20m, replied 40m; c3 P1 untouched since 11:20
     * (40m at 12:00); c4 P3 claimed 2m, no reply for 20m. Claim: 2m, 5m, 20m: median 5m, p90 20m, 2 over 15m
     * (c2, c3 waiting). Reply: 15m, 40m: median 15m, p90 40m, 2 over 30m (c2, c3 waiting).
     */
    static void cases(CaseTimelineStore cases) {
        Instant h = Instant.parse("2026-03-02T11:00:00Z");
        cases.on(new CaseEvent.Received("x:c1", Priority.P2, "outage", h.plusSeconds(5 * 60)));
        cases.on(new CaseEvent.Claimed("x:c1", "UAGENT", h.plusSeconds(10 * 60)));
        cases.on(new CaseEvent.Replied("x:c1", "UAGENT", h.plusSeconds(20 * 60)));
        cases.on(new CaseEvent.Resolved("x:c1", "UAGENT", h.plusSeconds(25 * 60)));
        cases.on(new CaseEvent.Received("x:c2", Priority.P2, "outage", h.plusSeconds(10 * 60)));
        cases.on(new CaseEvent.Claimed("x:c2", "UAGENT", h.plusSeconds(30 * 60)));
        cases.on(new CaseEvent.Replied("x:c2", "UAGENT", h.plusSeconds(50 * 60)));
        cases.on(new CaseEvent.Received("x:c3", Priority.P1, "outage", h.plusSeconds(20 * 60)));
        cases.on(new CaseEvent.Received("x:c4", Priority.P3, "outage", h.plusSeconds(40 * 60)));
        cases.on(new CaseEvent.Claimed("x:c4", "UAGENT", h.plusSeconds(42 * 60)));
    }

    /** Three people's labels in the 11:00 hour: two agree with triage, one says a negative post was neutral. */
    static void labels(SentimentLabels labels) {
        Instant h = Instant.parse("2026-03-02T11:00:00Z");
        labels.record(new SentimentLabel("x:m30", "down again", "en", Label.NEGATIVE, -0.5, Label.NEGATIVE, "UAGENT",
                h.plusSeconds(60)));
        labels.record(new SentimentLabel("x:m31", "down again", "en", Label.NEGATIVE, -0.5, Label.NEUTRAL, "UAGENT",
                h.plusSeconds(120)));
        labels.record(new SentimentLabel("x:m32", "back now", "en", Label.POSITIVE, 0.2, Label.POSITIVE, "UAGENT",
                h.plusSeconds(180)));
    }
}
