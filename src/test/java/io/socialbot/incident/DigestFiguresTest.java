package io.socialbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.CaseEvent;
import io.socialbot.incident.redis.RedisDigestCounts;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.mention.Mention;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.stats.ReportWindow;
import io.socialbot.stats.ResponseTimeReport;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Small hand-made incidents whose every figure is counted by hand here: windows, retweets, spam, trends, cases. */
public class DigestFiguresTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    static final String NAME = "outage";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final RedisKeys keys = testRedis().freshKeys();
    private final RedisIncidentStore incidents = new RedisIncidentStore(testRedis().client(), keys);
    private final RedisDigestCounts counts = new RedisDigestCounts(testRedis().client(), keys, Duration.ofDays(1));
    private final InMemoryCaseTimelineStore cases = new InMemoryCaseTimelineStore();
    private final InMemoryDecisionStore decisions = new InMemoryDecisionStore();
    private final MutableClock clock = new MutableClock(at("10:20"));
    private final IncidentProperties properties = IncidentProperties.defaults().withPress(java.util.Set.of("newsdesk"));
    private final IncidentMentionCounter counter = new IncidentMentionCounter(incidents, counts, properties);
    private final DigestComposer composer = TestDigests.composer(incidents, counts, cases, decisions,
            key -> Optional.of("https://brand.slack.com/archives/C0CARE/p1700000000000100"), properties, clock);
    private int seq;

    static Instant at(String hhmm) {
        return Instant.parse("2026-03-02T" + hhmm + ":00Z"); // London is UTC on 2 March
    }

    private Incident start(String hhmm) {
        incidents.start(NAME, "C0INC", "ULEAD", at(hhmm));
        return incidents.current().orElseThrow();
    }

    private Mention mention(String hhmm, String text, String handle, long followers, String retweetOf,
                            Label label, boolean relevant, String... themes) {
        seq++;
        Mention m = new Mention("m" + seq, "x", at(hhmm).plusSeconds(seq % 50), text,
                new Mention.Author("a" + handle, handle, handle, followers, false), null, "en", retweetOf, null, null);
        counter.onDecision(m, new TriageDecision(m.key(), m.id(), "en", new TriageDecision.Sentiment(label, 0),
                Priority.P3, List.of(), List.of(themes), new TriageDecision.Cluster(m.key(),
                TriageDecision.Cluster.Kind.SINGLE, 1), relevant, relevant ? "C0CARE" : null));
        return m;
    }

    private Mention plain(String hhmm, Label label) {
        return mention(hhmm, "no signal " + seq, "user" + seq, 40, null, label, true, "outage");
    }

    @Test
    void aWindowAtOddMinutesIsCountedAsLabelled() {
        Incident incident = start("08:05");
        for (String t : List.of("08:10", "08:59", "09:05", "09:19", "09:21", "09:59", "10:05", "10:19")) {
            plain(t, Label.NEGATIVE);
        }
        // at 10:20, "/digest" asks for the last hour: the counters are hourly, so it is counted and labelled from 09:00
        DigestRequest lastHour = DigestRequest.parse("", clock.instant(), LONDON);
        String text = composer.compose(incident, lastHour.from(), lastHour.to(), null).text();
        assertThat(text).contains("digest for Mon 2 Mar 2026 09:00–10:20 (Europe/London)");
        // by hand: 09:05, 09:19, 09:21, 09:59, 10:05, 10:19 are in [09:00, 10:20)
        assertThat(text).contains("6 relevant mentions from 6 people", "vs the hours before (2)");
        DigestRequest since = DigestRequest.parse("since 9:30", clock.instant(), LONDON);
        assertThat(composer.compose(incident, since.from(), since.to(), null).text())
                .contains("digest for Mon 2 Mar 2026 09:00–10:20", "6 relevant mentions");
        // the incident's own start is a true start: before it nothing was counted
        assertThat(composer.compose(incident, at("07:00"), at("09:00"), null).text())
                .contains("digest for Mon 2 Mar 2026 08:05–09:00", "2 relevant mentions");
        // the hour just begun is drawn as part of an hour
        assertThat(composer.figures(incident, lastHour.from(), lastHour.to(), null).hours())
                .extracting(DigestFigures.HourPoint::partial).containsExactly(true, false, true);
    }

    @Test
    void bothRetweetFormsCountAndSpamIsShownApartFromVolumeAndSentiment() {
        Incident incident = start("09:00");
        mention("09:10", "network down in leeds", "u1", 10, "orig1", Label.NEGATIVE, true, "outage");
        mention("09:11", "RT @angry_jo: network down in leeds", "u2", 10, null, Label.NEGATIVE, true, "outage");
        mention("09:12", "rt @angry_jo no bars", "u3", 10, null, Label.NEGATIVE, true, "outage");
        mention("09:13", "I said RT @brand: please fix", "u4", 10, null, Label.NEUTRAL, true, "outage");
        // a giveaway: positive, not relevant, three times
        for (int i = 0; i < 3; i++) {
            mention("09:2" + i, "WIN a phone! RT @brand: giveaway", "bot" + i, 10, null, Label.POSITIVE, false,
                    "praise");
        }
        String text = composer.compose(incident, at("09:00"), at("10:00"), null).text();
        // by hand: retweet_of (u1), "RT @angry_jo:" (u2) and "rt @angry_jo" (u3) are retweets; u4's RT is mid-text
        assertThat(text).contains("4 relevant mentions from 4 people (3 retweets)",
                "Left out as spam or not about us: 3.");
        // shares of the 4 relevant ones: 3 negative, 1 neutral, no giveaway positives
        assertThat(text).contains("75% negative · 25% neutral · 0% positive").doesNotContain("praise");
    }

    @Test
    void aTwoMentionHourReadsNoTrendAndAnEmptyHourSaysSo() {
        Incident incident = start("09:00");
        for (int i = 0; i < 12; i++) {
            plain("09:1" + (i % 10), Label.NEGATIVE);
        }
        for (int i = 0; i < 12; i++) {
            plain("10:1" + (i % 10), i < 10 ? Label.NEGATIVE : Label.NEUTRAL);
        }
        plain("11:05", Label.POSITIVE);
        plain("11:06", Label.NEUTRAL);
        clock.set(at("12:30"));
        String text = composer.compose(incident, at("11:00"), at("12:00"), null).text();
        // 0% negative in the last hour against 92% before would read "turning around": 2 mentions cannot say that
        assertThat(text).contains("Too few mentions to read a trend: each hour compared needs at least 10.")
                .doesNotContain("turning around");
        String empty = composer.compose(incident, at("12:00"), at("12:30"), null).text();
        assertThat(empty).contains("No relevant mentions in this window").doesNotContain("0% negative");
    }

    @Test
    void placesVoicesAndExamplesAreTheirOwnAndPressComesFirst() {
        Incident incident = start("09:00");
        // a storm of one text about two themes, in two places: it may be the example of one theme only
        for (int i = 0; i < 3; i++) {
            mention("09:1" + i, "RT @jo: no signal and no refund", "fan" + i, 40, "orig", Label.NEGATIVE, true,
                    "outage", "refund", "place:leeds");
        }
        mention("09:20", "refund please", "critic", 250_000, null, Label.NEGATIVE, true, "refund", "place:york");
        mention("09:21", "any statement?", "newsdesk", 90_000, null, Label.NEUTRAL, true, "press");
        String text = composer.compose(incident, at("09:00"), at("10:00"), null).text();
        assertThat(text).contains("*Where*\nleeds (3) · york (1)").doesNotContain("place:");
        assertThat(text.split("no signal and no refund", -1)).hasSize(2); // the storm's text shown once
        assertThat(text).contains("• *refund*: 4, e.g. \"refund please\"");
        assertThat(text).contains("• :newspaper: press @newsdesk (reach 90000)\n• @critic (reach 250000)")
                .doesNotContain("@fan0");
    }

    @Test
    void onlySafetyCasesWaitingIsSaidAsItIsWithALinkAndAnExactDuration() {
        Incident incident = start("02:00");
        cases.on(new CaseEvent.Received("x:safe", Priority.P1, NAME, at("02:05")));
        decisions.saveIfAbsent(new TriageDecision("x:safe", "safe", "en", null, Priority.P1, List.of(),
                List.of("safety"), null, true, "C0CARE"));
        cases.on(new CaseEvent.Received("x:done", Priority.P2, NAME, at("02:06")));
        cases.on(new CaseEvent.Replied("x:done", "UAGENT", at("02:30")));
        incidents.stop("ULEAD", at("10:15"));
        clock.set(at("10:20"));
        Incident stopped = incidents.list().get(0);
        String text = composer.compose(stopped, at("00:00"), at("10:20"), null).text();
        assertThat(text).contains("Waiting for a first answer: 1 (all safety cases: a person must answer)",
                "Longest waiting: <https://brand.slack.com/archives/C0CARE/p1700000000000100|x:safe> (P1, safety: a "
                        + "person must answer), waiting 8 h 15 m");
        // the incident ran 02:00 to 10:15: exactly that, not "over 10 h" of hour buckets
        assertThat(text).contains("in 8 h 15 m.").contains("digest for Mon 2 Mar 2026 02:00–10:15");
    }

    /** Cases with hand-worked times: the digest and the /stats report must name the same breaches, case by case. */
    @Test
    void theDigestAndStatsAgreeCaseByCaseIncludingABroadcastOnAClaimedCase() {
        Incident incident = start("09:00");
        clock.set(at("12:00"));
        // P1 target 15 m: answered at 14 m (met), at 16 m (breached), waiting since 11:30 (breached, open)
        timeline("x:p1a", Priority.P1, "09:00", "09:02", "09:14", null, null);
        timeline("x:p1b", Priority.P1, "09:10", "09:11", "09:26", null, null);
        timeline("x:p1c", Priority.P1, "11:30", null, null, null, null);
        // P2 target 1 h: claimed by UAGENT, first answered by the broadcast at 50 m (met), the agent replied at 2 h
        timeline("x:p2a", Priority.P2, "09:30", "09:35", "11:30", null, "10:20");
        // P2: resolved without an answer after 70 m (breached)
        timeline("x:p2b", Priority.P2, "10:00", null, null, "11:10", null);
        // P3 target 4 h: answered at 3 h 59 m (met)
        timeline("x:p3a", Priority.P3, "10:00", "10:01", "13:59", null, null);
        clock.set(at("14:00"));
        var stats = TestDigests.stats(cases, properties, clock);
        ResponseTimeReport report = stats.report(ReportWindow.ofIncident(NAME));
        String text = composer.compose(incident, at("09:00"), at("14:00"), null).text();
        // by hand: breached are x:p1b, x:p1c, x:p2b
        assertThat(report.row(Priority.P1).breaches()).isEqualTo(2);
        assertThat(report.row(Priority.P2).breaches()).isEqualTo(1);
        assertThat(report.row(Priority.P3).breaches()).isZero();
        assertThat(report.total().byBroadcast()).isEqualTo(1);
        assertThat(text).contains("Past their priority's target: 3 (P1 2/3, P2 1/2, P3 0/1)",
                "1 first answered by a status-update broadcast");
        // first answers by hand: 14 m, 16 m, 50 m (broadcast), 3 h 59 m; nearest-rank median of 4 = 2nd = 16 m
        assertThat(text).contains("Time to first answer: median 16 m, p90 3 h 59 m");
        assertThat(report.total().toFirstReply().median()).isEqualTo(Duration.ofMinutes(16));
        // the agent's own figures: the broadcast is not theirs, and the bot is no agent
        assertThat(report.byAgent()).extracting(ResponseTimeReport.AgentRow::agent).containsExactly("UAGENT");
        var agent = report.byAgent().get(0);
        // UAGENT replied to p1a (14 m), p1b (16 m), p2a (2 h), p3a (3 h 59 m): four replies of their own
        assertThat(agent.toFirstReply().count()).isEqualTo(4);
        assertThat(agent.toFirstReply().median()).isEqualTo(Duration.ofMinutes(16));
    }

    private void timeline(String key, Priority p, String received, String claimed, String replied, String resolved,
                          String broadcast) {
        cases.on(new CaseEvent.Received(key, p, NAME, at(received)));
        if (claimed != null) {
            cases.on(new CaseEvent.Claimed(key, "UAGENT", at(claimed)));
        }
        if (broadcast != null) {
            cases.on(new CaseEvent.Broadcast(key, NAME + "#1", at(broadcast)));
        }
        if (replied != null) {
            cases.on(new CaseEvent.Replied(key, "UAGENT", at(replied)));
        }
        if (resolved != null) {
            cases.on(new CaseEvent.Resolved(key, "UAGENT", at(resolved)));
        }
    }
}
