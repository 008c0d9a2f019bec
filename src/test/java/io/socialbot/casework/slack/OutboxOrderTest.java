package io.socialbot.casework.slack;

import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.CaseDelivery;
import io.socialbot.mention.Mention;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.triage.TriageDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the outbox sends first and when: P1 posts past busy channels and storms of edits, Retry-After exactly. */
public class OutboxOrderTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    final DeliveryRig rig = new DeliveryRig(testRedis());
    final SlackApiStub slack = rig.slack;

    @AfterEach
    void stop() {
        rig.close();
    }

    void decide(String id, TriageDecision.Priority priority, String channel) {
        rig.decide(rig.mention(id, "no signal " + id), List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE,
                priority, channel);
    }

    /** A new member of case {@code id}'s cluster: the case grows, its post is due for an edit. */
    void grow(String id, int member) {
        Mention rt = new Mention("rt" + id + "-" + member, "twitter", Instant.parse("2026-03-02T08:15:00Z"),
                "RT no signal", new Mention.Author("f" + member, "fan" + member, null, 10, false), null, null, id,
                null, null);
        rig.work.onDecision(rt, new TriageDecision(rt.key(), rt.id(), "en", null, TriageDecision.Priority.P2,
                List.of(), List.of(), new TriageDecision.Cluster("twitter:" + id, TriageDecision.Cluster.Kind.RETWEET,
                member + 1), true, null));
    }

    @Test
    void aP1PostGoesFirstPastABusyChannelsBacklogAndAStormOfEdits() {
        for (int i = 0; i < 8; i++) {
            decide("q" + i, TriageDecision.Priority.P2, "#care-queue");
        }
        rig.drain();
        for (int i = 0; i < 8; i++) {
            grow("q" + i, 1);
            rig.work.claim("twitter:q" + i, "U0AGENT"); // edits due at once
        }
        for (int i = 0; i < 30; i++) {
            decide("b" + i, TriageDecision.Priority.P2, "#care-queue"); // a backlog in the busy channel
        }
        decide("p1", TriageDecision.Priority.P1, "#care-urgent");
        rig.clock.advance(Duration.ofSeconds(10)); // every budget full: a burst could take several at once
        int before = slack.calls().size();

        rig.replica().runDue();

        List<SlackApiStub.Call> pass = slack.calls().subList(before, slack.calls().size());
        assertThat(pass).isNotEmpty();
        assertThat(pass.get(0).method()).isEqualTo("chat.postMessage");
        assertThat(pass.get(0).param("metadata")).contains("twitter:p1");
        // one post in flight per channel: the busy channel's backlog took one slot, not all of them
        assertThat(pass.stream().filter(c -> c.method().equals("chat.postMessage")
                && c.param("channel").equals(slack.workspace().channel("care-queue")))).hasSize(1);
    }

    @Test
    void aRateLimitedPostGoesAgainExactlyWhenSlackSaidWithoutBackoffOrReport() {
        for (int i = 0; i < 4; i++) {
            slack.rateLimitNext("chat.postMessage", 3);
        }
        decide("r1", TriageDecision.Priority.P1, "#care-urgent");
        CaseDelivery poster = rig.replica();
        Instant start = rig.clock.instant();
        while (slack.workspace().postsPerCase().isEmpty() && rig.clock.instant().isBefore(start.plusSeconds(120))) {
            poster.runDue();
            if (slack.workspace().postsPerCase().isEmpty()) {
                rig.clock.advance(Duration.ofMillis(500));
            }
        }
        // four waits of 3 s: posted 12 s after the first attempt, not after a growing backoff
        assertThat(Duration.between(start, rig.clock.instant())).isBetween(Duration.ofSeconds(12),
                Duration.ofMillis(12_500));
        assertThat(rig.posts()).hasSize(5);
        assertThat(slack.callsTooEarly()).isZero();
        assertThat(rig.opsReports()).isEmpty(); // Slack's pace is not a failure a person must hear of
    }

    @Test
    void aStormOfGrowthIsFoldedIntoOneEditButAClaimIsShownAtOnce() {
        decide("c1", TriageDecision.Priority.P2, "#care-queue");
        rig.drain();
        CaseDelivery poster = rig.replica();
        for (int m = 1; m <= 20; m++) {
            grow("c1", m);
            poster.runDue();
        }
        assertThat(slack.calls("chat.update")).as("growth waits for the spacing").isEmpty();
        rig.clock.advance(Duration.ofSeconds(5));
        poster.runDue();
        assertThat(slack.calls("chat.update")).hasSize(1);
        assertThat(slack.calls("chat.update").get(0).param("blocks")).contains("Cluster: 21 posts");

        grow("c1", 21);
        rig.work.claim("twitter:c1", "U0AGENT");
        poster.runDue(); // same instant: a person's change does not wait for the spacing
        assertThat(slack.calls("chat.update")).hasSize(2);
        assertThat(slack.workspace().messages().get(0).blocks().toString()).contains("Claimed by <@U0AGENT>",
                "Cluster: 22 posts");
    }

    @Test
    void aP1InAChannelBusyWithOtherPostsTakesTheBurstSlotTheyLeaveFree() {
        for (String id : List.of("m1", "m2", "m3")) {
            decide(id, TriageDecision.Priority.P2, "#care-international"); // burst 3, one a second
        }
        CaseDelivery poster = rig.replica();
        for (int i = 0; i < 3; i++) {
            poster.runDue(); // one post in flight per channel: a pass each
        }
        assertThat(slack.workspace().postsPerCase()).as("below P1, the last burst slot is left")
                .containsOnlyKeys("twitter:m1", "twitter:m2");

        decide("urgent", TriageDecision.Priority.P1, "#care-international");
        poster.runDue(); // the same instant: no pace to wait for

        assertThat(slack.workspace().postsPerCase()).containsOnlyKeys("twitter:m1", "twitter:m2", "twitter:urgent");
    }

    @Test
    void aRefusedPostGivesItsSlotBackSoTheChannelKeepsItsPaceAfterTheWait() {
        for (String id : List.of("a", "b", "c", "d", "e")) {
            decide(id, TriageDecision.Priority.P1, "#care-urgent"); // burst 3, one a second
        }
        CaseDelivery poster = rig.replica();
        poster.runDue();
        poster.runDue();
        slack.rateLimitNext("chat.postMessage", 1);
        poster.runDue(); // c: 429, Retry-After 1 s
        assertThat(slack.workspace().postsPerCase()).containsOnlyKeys("twitter:a", "twitter:b");

        rig.clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            poster.runDue();
        }
        // c's refused call posted nothing: its slot is back, so d goes with it; e waits for the pace
        assertThat(slack.workspace().postsPerCase()).containsOnlyKeys("twitter:a", "twitter:b", "twitter:c",
                "twitter:d");
        assertThat(slack.callsTooEarly()).isZero();
    }
}
