package io.socialbot.incident;

import io.socialbot.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.CaseEvent;
import io.socialbot.incident.redis.RedisBroadcastQueue;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status-update broadcasts through the Redis broadcast queue, paced and recorded per case. */
public class UpdateBroadcastTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    private final RedisKeys keys = testRedis().freshKeys();
    private final RedisIncidentStore incidents = new RedisIncidentStore(testRedis().client(), keys);
    private final InMemoryCaseTimelineStore cases = new InMemoryCaseTimelineStore();
    private final InMemoryDecisionStore decisions = new InMemoryDecisionStore();
    private final InMemoryCaseReplies replies = new InMemoryCaseReplies();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final IncidentProperties defaults = IncidentProperties.defaults();
    private final IncidentProperties paced = new IncidentProperties(defaults.channel(), defaults.zone(), Set.of(),
            5, 5, 3, 10_000, 10, 10, Duration.ofMinutes(15), defaults.tick(), defaults.lateAfter(), defaults.claimTtl(),
            24, defaults.retention(), 900, 420, false, true);
    private UpdateBroadcast broadcast;
    private StatusUpdate update;

    @BeforeEach
    void incidentWithCases() {
        incidents.start("outage", "C0INC", "ULEAD", clock.instant().minus(Duration.ofHours(1)));
        Instant t = clock.instant().minus(Duration.ofMinutes(50));
        // 25 waiting cases, 3 answered, 2 resolved, 3 safety (2 P1, 1 P2 about a vulnerable customer), 1 P1 that is
        // not about safety, 1 of another incident
        for (int i = 0; i < 25; i++) {
            receive("x:w" + i, Priority.P2, "outage", t.plusSeconds(i), List.of("outage"));
        }
        for (int i = 0; i < 3; i++) {
            receive("x:a" + i, Priority.P2, "outage", t, List.of("outage"));
            cases.on(new CaseEvent.Replied("x:a" + i, "UAGENT", t.plusSeconds(60)));
        }
        for (int i = 0; i < 2; i++) {
            receive("x:r" + i, Priority.P3, "outage", t, List.of("billing"));
            cases.on(new CaseEvent.Resolved("x:r" + i, "UAGENT", t.plusSeconds(60)));
        }
        receive("x:s0", Priority.P1, "outage", t, List.of("safety", "outage"));
        receive("x:s1", Priority.P1, "outage", t, List.of("emergency"));
        receive("x:v0", Priority.P2, "outage", t, List.of("vulnerable", "outage"));
        receive("x:p1", Priority.P1, "outage", t, List.of("outage"));
        receive("x:other", Priority.P2, "earlier", t, List.of("outage"));
        broadcast = new UpdateBroadcast(incidents, cases, decisions, replies,
                new RedisBroadcastQueue(testRedis().client(), keys), new PromptTemplates(null), paced, clock);
        update = incidents.addUpdate("service is returning region by region.", "ULEAD", clock.instant()).orElseThrow();
    }

    private void receive(String key, Priority p, String incident, Instant at, List<String> themes) {
        cases.on(new CaseEvent.Received(key, p, incident, at));
        decisions.saveIfAbsent(new TriageDecision(key, key.substring(2), "en",
                new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEGATIVE, -0.5), p, List.of(), themes,
                new TriageDecision.Cluster(key, TriageDecision.Cluster.Kind.SINGLE, 1), true, "C0CARE"));
    }

    @Test
    void planCountsOpenUnansweredCasesAndLeavesSafetyToHumans() {
        var plan = broadcast.plan(update.id()).orElseThrow();
        assertThat(plan.targets()).hasSize(26).contains("x:p1").doesNotContain("x:a0", "x:r0", "x:other");
        // the same safety cases casework gives no template: one definition, TriageDecision.isSafetyCase
        assertThat(plan.safety()).containsExactlyInAnyOrder("x:s0", "x:s1", "x:v0");
    }

    @Test
    void eachCaseGetsTheUpdateOnceEvenWhenQueuedTwiceAndSendsArePaced() {
        assertThat(broadcast.queueAll(update.id())).isEqualTo(26);
        assertThat(broadcast.queueAll(update.id())).isZero();
        assertThat(broadcast.drain()).isEqualTo(10);
        assertThat(broadcast.drain()).isZero();
        clock.advance(Duration.ofMinutes(14));
        assertThat(broadcast.drain()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(broadcast.drain()).isEqualTo(10);
        clock.advance(Duration.ofMinutes(16));
        assertThat(broadcast.drain()).isEqualTo(6);
        var sent = replies.sent();
        assertThat(sent).hasSize(26);
        assertThat(sent.stream().map(InMemoryCaseReplies.Sent::caseKey).collect(Collectors.toSet())).hasSize(26)
                .doesNotContain("x:s0", "x:s1");
        assertThat(sent.get(0).text()).isEqualTo("Thanks for bearing with us. Latest on the outage issue: "
                + "service is returning region by region. We'll keep you posted here.");
        assertThat(sent.get(0).requestId()).isEqualTo("incident-update:" + update.id() + ":x:w0");
        // sent as the bot's broadcast, never in an agent's name (InMemoryCaseReplies records a broadcast as null)
        assertThat(sent).allSatisfy(r -> assertThat(r.actor()).isNull());
    }

    @Test
    void aCaseAnsweredWhileQueuedIsSkipped() {
        broadcast.queueAll(update.id());
        cases.on(new CaseEvent.Replied("x:w0", "UAGENT", clock.instant()));
        broadcast.drain();
        assertThat(replies.sent()).extracting(InMemoryCaseReplies.Sent::caseKey).doesNotContain("x:w0").hasSize(10);
    }

    @Test
    void aNewUpdateReachesTheSameCasesAgain() {
        broadcast.queueAll(update.id());
        var second = incidents.addUpdate("fully restored.", "ULEAD", clock.instant()).orElseThrow();
        assertThat(broadcast.queueAll(second.id())).isEqualTo(26);
    }

    @Test
    void rateLimitedByXPutsTheRestBackInOrder() {
        var limited = new io.socialbot.casework.CaseReplies() {
            int calls;

            @Override
            public io.socialbot.casework.ReplySender.ReplyOutcome reply(String caseKey, String actor, String text,
                                                                        String requestId) {
                if (++calls == 3) {
                    return new io.socialbot.casework.ReplySender.Failed(
                            io.socialbot.casework.ReplySender.FailureKind.RATE_LIMITED, "wait", clock.instant());
                }
                return replies.reply(caseKey, actor, text, requestId);
            }

            @Override
            public io.socialbot.casework.ReplySender.ReplyOutcome broadcast(String caseKey, String updateId,
                                                                            String text, String requestId) {
                return reply(caseKey, null, text, requestId);
            }
        };
        var queue = new RedisBroadcastQueue(testRedis().client(), keys);
        var b = new UpdateBroadcast(incidents, cases, decisions, limited, queue, new PromptTemplates(null), paced,
                clock);
        b.queueAll(update.id());
        assertThat(b.drain()).isEqualTo(2);
        assertThat(queue.queued()).isEqualTo(24);
        clock.advance(Duration.ofMinutes(16));
        b.drain();
        assertThat(replies.sent()).extracting(InMemoryCaseReplies.Sent::caseKey)
                .startsWith("x:w0", "x:p1", "x:w1", "x:w2").doesNotHaveDuplicates();
    }

    @Test
    void twoReplicasDrainingTogetherStayWithinTheLimitAndRecordEachOutcome() throws Exception {
        broadcast.queueAll(update.id());
        var other = new UpdateBroadcast(incidents, cases, decisions, replies,
                new RedisBroadcastQueue(testRedis().client(), keys), new PromptTemplates(null), paced, clock);
        var a = java.util.concurrent.CompletableFuture.supplyAsync(broadcast::drain);
        var b = java.util.concurrent.CompletableFuture.supplyAsync(other::drain);
        assertThat(a.get() + b.get()).isEqualTo(10);
        assertThat(replies.sent()).hasSize(10);
        var outcomes = new RedisBroadcastQueue(testRedis().client(), keys).outcomes(update.id());
        assertThat(outcomes).hasSize(10).allSatisfy((k, v) -> assertThat(v).startsWith("sent p"));
    }
}
