package io.socialbot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.CaseEvent;
import io.socialbot.stats.redis.RedisCaseTimelineStore;
import io.socialbot.support.TestRedis;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class StatsServiceTest {

    private static final Instant NOW = Instant.parse("2026-07-18T12:00:00Z");
    /** The SLA targets written out here rather than read from StatsProperties, so a changed default fails. */
    private static final Map<Priority, Long> SLA_SECONDS = Map.of(Priority.P1, 900L, Priority.P2, 3600L,
            Priority.P3, 14_400L, Priority.P4, 86_400L);

    private final RedisCaseTimelineStore store = new RedisCaseTimelineStore(TestRedis.client(), TestRedis.freshKeys(),
            java.time.Duration.ofDays(120));
    private final StatsService stats = new StatsService(store, StatsProperties.defaults(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** What the generator decided for one case, in seconds after received; -1 for a step that did not happen. */
    record Generated(String key, Priority priority, String agent, long received, long claim, long reply,
                     long resolve) {
    }

    @Test
    void figuresMatchAnIndependentNearestRankComputationOverGeneratedCases() {
        List<Generated> cases = generate(new Random(11), 997);
        ReportWindow window = stats.windows().parse("7d");
        ResponseTimeReport report = stats.report(window);

        assertThat(report.total().cases()).isEqualTo(cases.size());
        for (Priority p : Priority.values()) {
            List<Generated> mine = cases.stream().filter(c -> c.priority() == p).toList();
            ResponseTimeReport.Row row = report.row(p);
            assertThat(row.cases()).as(p + " cases").isEqualTo(mine.size());
            check(p + " claim", row.toClaim(), mine, Generated::claim);
            check(p + " reply", row.toFirstReply(), mine, Generated::reply);
            check(p + " resolve", row.toResolve(), mine, Generated::resolve);
            long breaches = mine.stream().filter(c -> breached(c, SLA_SECONDS.get(p))).count();
            long open = mine.stream().filter(c -> c.reply() < 0 && c.resolve() < 0
                    && breached(c, SLA_SECONDS.get(p))).count();
            assertThat(row.breaches()).as(p + " breaches").isEqualTo(breaches);
            assertThat(row.openBreaches()).as(p + " open breaches").isEqualTo(open);
        }
        check("all reply", report.total().toFirstReply(), cases, Generated::reply);

        Map<String, List<Generated>> perAgent = new HashMap<>();
        cases.stream().filter(c -> c.agent() != null)
                .forEach(c -> perAgent.computeIfAbsent(c.agent(), a -> new ArrayList<>()).add(c));
        assertThat(report.byAgent()).hasSize(perAgent.size());
        for (ResponseTimeReport.AgentRow a : report.byAgent()) {
            assertThat(a.handled()).isEqualTo(perAgent.get(a.agent()).size());
            check(a.agent() + " reply", a.toFirstReply(), perAgent.get(a.agent()), Generated::reply);
        }
        assertThat(report.byAgent()).extracting(ResponseTimeReport.AgentRow::handled)
                .isSortedAccordingTo((x, y) -> Integer.compare(y, x));
    }

    @Test
    void anOpenCaseBreachesOnlyOnceItsSlaHasPassed() {
        Instant t = NOW;
        store.on(new CaseEvent.Received("x:late", Priority.P1, null, t.minus(Duration.ofMinutes(16))));
        store.on(new CaseEvent.Received("x:fresh", Priority.P1, null, t.minus(Duration.ofMinutes(14))));
        store.on(new CaseEvent.Received("x:exact", Priority.P2, null, t.minus(Duration.ofHours(1))));
        store.on(new CaseEvent.Claimed("x:exact", "U1", t.minus(Duration.ofMinutes(50))));
        store.on(new CaseEvent.Received("x:slow", Priority.P2, null, t.minus(Duration.ofHours(3))));
        store.on(new CaseEvent.Replied("x:slow", "U2", t.minus(Duration.ofHours(3)).plusSeconds(3601)));
        store.on(new CaseEvent.Received("x:closed", Priority.P3, null, t.minus(Duration.ofHours(9))));
        store.on(new CaseEvent.Resolved("x:closed", "U2", t.minus(Duration.ofHours(8))));

        ResponseTimeReport report = stats.report(stats.windows().parse("24h"));

        assertThat(report.row(Priority.P1).breaches()).isEqualTo(1);
        assertThat(report.row(Priority.P1).openBreaches()).isEqualTo(1);
        // exactly at the target is within it; one second more is a breach
        assertThat(report.row(Priority.P2).breaches()).isEqualTo(1);
        assertThat(report.row(Priority.P2).openBreaches()).isZero();
        // closed without a reply before its SLA ran out
        assertThat(report.row(Priority.P3).breaches()).isZero();
        assertThat(stats.openBreaches()).extracting(CaseTimeline::caseKey).containsExactly("x:late");

        var later = new StatsService(store, StatsProperties.defaults(),
                Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC));
        assertThat(later.openBreaches()).extracting(CaseTimeline::caseKey)
                .containsExactlyInAnyOrder("x:late", "x:exact");
    }

    @Test
    void anIncidentWindowCoversOnlyThatIncidentsCases() {
        store.on(new CaseEvent.Received("x:1", Priority.P1, "outage", NOW.minus(Duration.ofDays(30))));
        store.on(new CaseEvent.Received("x:2", Priority.P2, "outage", NOW.minusSeconds(60)));
        store.on(new CaseEvent.Received("x:3", Priority.P2, null, NOW.minusSeconds(60)));
        ResponseTimeReport report = stats.report(stats.windows().parse("incident outage"));
        assertThat(report.total().cases()).isEqualTo(2);
        assertThat(report.row(Priority.P1).cases()).isEqualTo(1);
    }

    @Test
    void slaTargetsComeFromProperties() {
        var strict = new StatsService(store, new StatsProperties(java.time.ZoneId.of("UTC"),
                Map.of(Priority.P4, Duration.ofMinutes(1)), Duration.ofMinutes(1), Duration.ofDays(120)), Clock.fixed(NOW, ZoneOffset.UTC));
        store.on(new CaseEvent.Received("x:1", Priority.P4, null, NOW.minusSeconds(120)));
        assertThat(strict.report(strict.windows().parse("today")).row(Priority.P4).breaches()).isEqualTo(1);
        assertThat(stats.report(stats.windows().parse("today")).row(Priority.P4).breaches()).isZero();
    }

    private List<Generated> generate(Random random, int n) {
        List<Generated> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = "x:" + i;
            Priority p = Priority.values()[random.nextInt(4)];
            // received within the last 7 days, at least 2 minutes before now
            long receivedAgo = 120 + random.nextInt(7 * 86_400 - 240);
            long received = NOW.getEpochSecond() - receivedAgo;
            long claim = random.nextInt(10) < 8 ? 5 + random.nextInt((int) Math.min(receivedAgo, 7200)) : -1;
            long reply = claim >= 0 && random.nextInt(10) < 8
                    ? Math.min(receivedAgo, claim + random.nextInt(20_000)) : -1;
            long resolve = reply >= 0 && random.nextBoolean() ? Math.min(receivedAgo, reply + random.nextInt(900)) : -1;
            String agent = claim >= 0 ? "U" + random.nextInt(6) : null;
            Generated g = new Generated(key, p, agent, received, claim, reply, resolve);
            out.add(g);
            Instant r = Instant.ofEpochSecond(received);
            store.on(new CaseEvent.Received(key, p, null, r));
            if (claim >= 0) {
                store.on(new CaseEvent.Claimed(key, agent, r.plusSeconds(claim)));
            }
            if (reply >= 0) {
                store.on(new CaseEvent.Replied(key, agent, r.plusSeconds(reply)));
            }
            if (resolve >= 0) {
                store.on(new CaseEvent.Resolved(key, agent, r.plusSeconds(resolve)));
            }
        }
        return out;
    }

    private static boolean breached(Generated c, long slaSeconds) {
        long end = c.reply() >= 0 ? c.reply() : c.resolve() >= 0 ? c.resolve() : NOW.getEpochSecond() - c.received();
        return end > slaSeconds;
    }

    /** Nearest rank by hand: sort, take rank ceil(p * n / 100) (1-based), integer arithmetic only. */
    private static void check(String what, ResponseTimeReport.Spread spread, List<Generated> cases,
                              ToLongFunction<Generated> step) {
        long[] values = cases.stream().mapToLong(step).filter(v -> v >= 0).toArray();
        Arrays.sort(values);
        assertThat(spread.count()).as(what + " count").isEqualTo(values.length);
        assertThat(values.length).as(what + ": the generator must produce data").isGreaterThan(10);
        int n = values.length;
        long median = values[(50 * n + 99) / 100 - 1];
        long p90 = values[(90 * n + 99) / 100 - 1];
        assertThat(spread.median()).as(what + " median").isEqualTo(Duration.ofSeconds(median));
        assertThat(spread.p90()).as(what + " p90").isEqualTo(Duration.ofSeconds(p90));
    }
}
