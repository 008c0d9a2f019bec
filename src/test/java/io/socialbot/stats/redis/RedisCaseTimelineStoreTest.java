package io.socialbot.stats.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.CaseEvent;
import io.socialbot.stats.CaseTimeline;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Case timelines on Redis, against the in-memory store and by hand. */
public class RedisCaseTimelineStoreTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    private static final Instant T = Instant.parse("2026-07-15T09:00:00Z");

    private final RedisCaseTimelineStore store = new RedisCaseTimelineStore(testRedis().client(), testRedis().freshKeys(),
            java.time.Duration.ofDays(120));

    @Test
    void keepsTheFirstClaimReplyAndResolveAndTheClaimingAgent() {
        store.on(new CaseEvent.Received("x:1", Priority.P2, "outage", T));
        store.on(new CaseEvent.Posted("x:1", "C1", T.plusSeconds(1)));
        store.on(new CaseEvent.Claimed("x:1", "U1", T.plusSeconds(60)));
        store.on(new CaseEvent.Released("x:1", "U1", T.plusSeconds(90)));
        store.on(new CaseEvent.Claimed("x:1", "U2", T.plusSeconds(120)));
        store.on(new CaseEvent.Replied("x:1", "U2", T.plusSeconds(300)));
        store.on(new CaseEvent.Replied("x:1", "U2", T.plusSeconds(400)));
        store.on(new CaseEvent.Resolved("x:1", "U2", T.plusSeconds(500)));
        store.on(new CaseEvent.Resolved("x:1", "U2", T.plusSeconds(600)));

        assertThat(store.find("x:1")).contains(new CaseTimeline("x:1", Priority.P2, "outage", "C1", "U1", T,
                T.plusSeconds(1), T.plusSeconds(60), T.plusSeconds(300), T.plusSeconds(500)));
        assertThat(store.open()).isEmpty();
    }

    @Test
    void aServerThatLostItsScriptsStillRecordsOneEventAndAPipelineOfThem() {
        store.on(new CaseEvent.Received("x:f", Priority.P2, null, T));
        testRedis().client().scriptFlush(); // a restart or failover: EVALSHA answers NOSCRIPT
        store.on(new CaseEvent.Claimed("x:f", "U1", T.plusSeconds(60)));
        testRedis().client().scriptFlush();
        store.onAll(List.of(new CaseEvent.Received("x:g", Priority.P3, null, T),
                new CaseEvent.Claimed("x:g", "U2", T.plusSeconds(30))));

        assertThat(store.find("x:f").orElseThrow().claimed()).isEqualTo(T.plusSeconds(60));
        assertThat(store.find("x:g").orElseThrow().claimed()).isEqualTo(T.plusSeconds(30));
    }

    @Test
    void approvalWaitsAddUpOnTheCase() {
        store.on(new CaseEvent.ApprovalDecided("x:a", "U9", T, true, T.plusSeconds(30)));
        assertThat(store.find("x:a")).as("a step on an unknown case is dropped").isEmpty();
        store.on(new CaseEvent.Received("x:a", Priority.P1, null, T));
        store.on(new CaseEvent.ApprovalDecided("x:a", "U9", T, false, T.plusSeconds(90)));
        store.on(new CaseEvent.Replied("x:a", "U2", T.plusSeconds(200)));
        store.on(new CaseEvent.ApprovalDecided("x:a", "U9", T.plusSeconds(100), true, T.plusSeconds(130)));

        assertThat(store.find("x:a").orElseThrow().approvalWait()).isEqualTo(java.time.Duration.ofSeconds(120));
        store.on(new CaseEvent.Received("x:b", Priority.P1, null, T));
        assertThat(store.find("x:b").orElseThrow().approvalWait()).isNull();
    }

    @Test
    void theResolveNoteIsKeptAndExported() {
        store.on(new CaseEvent.Received("x:n", Priority.P2, null, T));
        store.on(new CaseEvent.Resolved("x:n", "U2", "refunded, \"see\" ticket 42", T.plusSeconds(500)));
        store.on(new CaseEvent.Resolved("x:n", "U3", "second close", T.plusSeconds(600)));

        CaseTimeline t = store.find("x:n").orElseThrow();
        assertThat(t.note()).isEqualTo("refunded, \"see\" ticket 42");
        String csv = io.socialbot.stats.CaseCsv.write(java.util.List.of(t));
        assertThat(csv).contains(",\"refunded, \"\"see\"\" ticket 42\",\r\n"); // approval_wait (empty) follows
        assertThat(io.socialbot.stats.CaseCsv.read(csv)).containsExactly(t);
    }

    @Test
    void ignoresStepsOfUnknownCasesAndASecondReceived() {
        store.on(new CaseEvent.Claimed("x:ghost", "U1", T));
        store.on(new CaseEvent.Received("x:1", Priority.P1, null, T));
        store.on(new CaseEvent.Received("x:1", Priority.P4, "other", T.plusSeconds(5)));

        assertThat(store.find("x:ghost")).isEmpty();
        assertThat(store.find("x:1")).contains(new CaseTimeline("x:1", Priority.P1, null, null, null, T, null,
                null, null, null));
        assertThat(store.forIncident("other")).isEmpty();
    }

    @Test
    void aBroadcastIsItsOwnFirstResponseAndNeverNamesAnAgent() {
        store.on(new CaseEvent.Received("x:1", Priority.P2, "outage", T));
        store.on(new CaseEvent.Broadcast("x:1", "outage#1", T.plusSeconds(30)));
        store.on(new CaseEvent.Broadcast("x:1", "outage#2", T.plusSeconds(90)));
        CaseTimeline t = store.find("x:1").orElseThrow();
        assertThat(t.agent()).isNull();
        assertThat(t.firstReply()).isNull();
        assertThat(t.broadcast()).isEqualTo(T.plusSeconds(30));
        assertThat(t.answeredFirstByBroadcast()).isTrue();
        // a later agent reply is the agent's, and the customer's first answer stays the broadcast
        store.on(new CaseEvent.Replied("x:1", "U7", T.plusSeconds(600)));
        t = store.find("x:1").orElseThrow();
        assertThat(t.agent()).isEqualTo("U7");
        assertThat(t.timeToFirstReply()).contains(java.time.Duration.ofSeconds(600));
        assertThat(t.timeToFirstResponse()).contains(java.time.Duration.ofSeconds(30));
    }

    @Test
    void aReplyWithoutAClaimNamesTheReplierAsAgent() {
        store.on(new CaseEvent.Received("x:1", Priority.P3, null, T));
        store.on(new CaseEvent.Replied("x:1", "U7", T.plusSeconds(10)));
        assertThat(store.find("x:1").orElseThrow().agent()).isEqualTo("U7");
    }

    @Test
    void behavesLikeTheInMemoryStoreUnderRandomReDeliveredEvents() {
        CaseTimelineStore fake = new InMemoryCaseTimelineStore();
        Random random = new Random(7);
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String key = "x:" + i;
            Instant r = T.plusSeconds(random.nextInt(86_400));
            String incident = i % 7 == 0 ? "storm" : null;
            events.add(new CaseEvent.Received(key, Priority.values()[i % 4], incident, r));
            events.add(new CaseEvent.Posted(key, "C" + (i % 3), r.plusSeconds(1)));
            if (random.nextBoolean()) {
                events.add(new CaseEvent.Claimed(key, "U" + random.nextInt(5), r.plusSeconds(random.nextInt(900))));
            }
            if (random.nextBoolean()) {
                events.add(new CaseEvent.Replied(key, "U" + random.nextInt(5), r.plusSeconds(900 + random.nextInt(900))));
            }
            if (random.nextInt(3) > 0) {
                events.add(new CaseEvent.Resolved(key, "U1", r.plusSeconds(2000 + random.nextInt(900))));
            }
        }
        List<CaseEvent> redelivered = new ArrayList<>(events);
        for (int i = 0; i < 200; i++) {
            redelivered.add(events.get(random.nextInt(events.size())));
        }
        redelivered.forEach(fake::on);
        // half one by one, half through the pipeline: both paths apply the same script
        redelivered.subList(0, 400).forEach(store::on);
        store.onAll(redelivered.subList(400, redelivered.size()));

        Instant from = T.plusSeconds(3600);
        Instant to = T.plusSeconds(50_000);
        assertThat(byKey(store.receivedBetween(from, to))).isEqualTo(byKey(fake.receivedBetween(from, to)))
                .isNotEmpty();
        assertThat(store.receivedBetween(from, to)).extracting(CaseTimeline::received).isSorted();
        assertThat(byKey(store.forIncident("storm"))).isEqualTo(byKey(fake.forIncident("storm"))).isNotEmpty();
        assertThat(byKey(store.open())).isEqualTo(byKey(fake.open())).isNotEmpty();
        assertThat(store.receivedBetween(T.minusSeconds(10), T.plusSeconds(100_000))).hasSize(300);
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        store.on(new CaseEvent.Received("x:a", Priority.P1, null, T));
        store.on(new CaseEvent.Received("x:b", Priority.P1, null, T.plusSeconds(60)));
        assertThat(store.receivedBetween(T, T.plusSeconds(60))).extracting(CaseTimeline::caseKey)
                .containsExactly("x:a");
    }

    @Test
    void readsWindowsLargerThanOnePipelineChunk() {
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < RedisCaseTimelineStore.CHUNK * 2 + 17; i++) {
            events.add(new CaseEvent.Received("x:" + i, Priority.P3, null, T.plusMillis(i)));
        }
        store.onAll(events);
        assertThat(store.receivedBetween(T, T.plusSeconds(60))).hasSize(RedisCaseTimelineStore.CHUNK * 2 + 17)
                .extracting(CaseTimeline::received).isSorted();
    }

    @Test
    void casesOlderThanTheRetentionLeaveTheIndexesAndTheirHashesExpire() {
        var keys = testRedis().freshKeys();
        var shortLived = new RedisCaseTimelineStore(testRedis().client(), keys, java.time.Duration.ofDays(2));
        shortLived.on(new CaseEvent.Received("x:old", Priority.P1, "storm", T));
        shortLived.on(new CaseEvent.Received("x:new", Priority.P1, null, T.plus(java.time.Duration.ofDays(3))));
        assertThat(shortLived.receivedBetween(T.minusSeconds(1), T.plus(java.time.Duration.ofDays(4))))
                .extracting(CaseTimeline::caseKey).containsExactly("x:new");
        assertThat(shortLived.open()).extracting(CaseTimeline::caseKey).containsExactly("x:new");
        long ttl = testRedis().client().pttl(keys.key("stats", "case", "x:new"));
        assertThat(ttl).isBetween(java.time.Duration.ofDays(2).toMillis() - 60_000,
                java.time.Duration.ofDays(2).toMillis());
        assertThat(testRedis().client().pttl(keys.key("stats", "incident", "storm"))).isPositive();
    }

    private static java.util.Map<String, CaseTimeline> byKey(List<CaseTimeline> list) {
        java.util.Map<String, CaseTimeline> m = new java.util.TreeMap<>();
        list.forEach(t -> m.put(t.caseKey(), t));
        return m;
    }
}
