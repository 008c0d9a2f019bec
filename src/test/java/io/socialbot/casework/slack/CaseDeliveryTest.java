package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.CaseDelivery;
import io.socialbot.casework.CaseMessages;
import io.socialbot.casework.CaseView;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.triage.TriageDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox against a Slack stand-in that rate-limits, hangs, goes down and loses messages, on a hand-moved clock. */
class CaseDeliveryTest {

    final DeliveryRig rig = new DeliveryRig();
    final SlackApiStub slack = rig.slack;

    @AfterEach
    void stop() {
        rig.close();
    }

    void decide(String id) {
        rig.decide(rig.mention(id, "no signal " + id), List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE);
    }

    @Test
    void triageOnlyRecordsTheCaseAndThePosterPostsItOnceMarkedWithItsKey() {
        decide("1");
        assertThat(slack.calls("chat.postMessage")).isEmpty(); // nothing on triage's path
        assertThat(rig.events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Received");

        rig.drain();

        var post = rig.posts();
        assertThat(post).hasSize(1);
        assertThat(post.get(0).param("channel")).isEqualTo(slack.workspace().channel("care-urgent")); // by id
        assertThat(post.get(0).param("metadata")).contains("socialbot_case", "twitter:1");
        assertThat(rig.work.find("twitter:1").orElseThrow().messageTs())
                .isEqualTo(slack.workspace().messages().get(0).ts());
        assertThat(rig.events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Received", "Posted");
    }

    @Test
    void aShortRetryAfterIsHonouredOnTheInjectedClock() {
        retryAfterIsHonoured(2);
    }

    @Test
    void aLongRetryAfterIsHonouredWhateverItsLength() {
        retryAfterIsHonoured(65);
    }

    private void retryAfterIsHonoured(int seconds) {
        slack.rateLimitNext("chat.postMessage", seconds);
        decide("2");
        CaseDelivery poster = rig.replica();
        poster.runDue();
        Instant refused = rig.clock.instant();
        assertThat(rig.posts()).hasSize(1);
        for (int s = 1; s < seconds; s++) {
            rig.clock.advance(Duration.ofSeconds(1));
            poster.runDue();
        }
        assertThat(rig.posts()).as("no call before Retry-After").hasSize(1);
        rig.drain();
        assertThat(rig.posts()).hasSize(2);
        assertThat(Duration.between(refused, rig.clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(seconds));
        assertThat(slack.callsTooEarly()).isZero();
        assertThat(slack.workspace().postsPerCase()).containsExactly(Map.entry("twitter:2", 1));
    }

    @Test
    void aPostSlackTookWhileTheAnswerTimedOutIsFoundInTheHistoryNotPostedAgain() {
        slack.hang("chat.postMessage", 1, Duration.ofMillis(1_500));
        decide("3");
        rig.replica(400, m -> m);

        rig.drain();

        assertThat(slack.workspace().postsPerCase()).containsExactly(Map.entry("twitter:3", 1));
        assertThat(rig.posts()).hasSize(1);
        assertThat(slack.calls("conversations.history")).isNotEmpty();
        assertThat(slack.calls("conversations.history").get(0).param("include_all_metadata")).isIn("1", "true");
        assertThat(rig.work.find("twitter:3").orElseThrow().posted()).isTrue();
        assertThat(rig.events).extracting(e -> e.getClass().getSimpleName()).containsOnlyOnce("Posted");
    }

    @Test
    void slackDownForTwoMinutesThenBackThreeRepliciasPostEachCaseOnce() throws Exception {
        for (int r = 0; r < 3; r++) {
            rig.replica(500, m -> m);
        }
        slack.down(true);
        for (int i = 0; i < 30; i++) {
            rig.decide(rig.mention("d" + i, "down " + i), List.of(), TriageDecision.Sentiment.Label.NEGATIVE,
                    TriageDecision.Priority.P2, i % 2 == 0 ? "#care-urgent" : "#care-queue");
        }
        Instant back = rig.clock.instant().plus(Duration.ofMinutes(2));
        while (rig.clock.instant().isBefore(back)) {
            for (CaseDelivery d : rig.replicas) {
                d.runDue();
            }
            rig.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(slack.calls().size()).isPositive();
        assertThat(slack.workspace().messages()).isEmpty();
        slack.down(false);

        rig.drain();

        Map<String, Integer> posts = slack.workspace().postsPerCase();
        assertThat(posts).hasSize(30).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
        assertThat(rig.outbox.pending()).isZero();
    }

    @Test
    void aReplicaKilledRightAfterSlackTookItsPostIsNotFollowedByASecondPost() throws Exception {
        CaseDelivery dying = rig.replica(2_000, real -> new Dies(real));
        decide("k1");
        dying.runDue(); // posted, then the replica dies before recording it
        assertThat(slack.workspace().postsPerCase()).containsExactly(Map.entry("twitter:k1", 1));
        rig.replicas.remove(dying);
        CaseDelivery b = rig.replica(2_000, m -> m);
        CaseDelivery c = rig.replica(2_000, m -> m);
        for (int i = 0; i < 40; i++) {
            decide("n" + i);
        }
        var pool = Executors.newFixedThreadPool(3);
        List<Future<?>> runs = new ArrayList<>();
        CaseDelivery a = rig.replica(2_000, m -> m);
        for (CaseDelivery d : List.of(a, b, c)) {
            runs.add(pool.submit(() -> {
                for (int i = 0; i < 400 && rig.outbox.pending() > 0; i++) {
                    d.runDue();
                    if (i % 3 == 0) {
                        rig.clock.advance(Duration.ofMillis(500));
                    }
                }
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        pool.shutdown();
        rig.drain();

        Map<String, Integer> posts = slack.workspace().postsPerCase();
        assertThat(posts).hasSize(41).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
        assertThat(rig.work.find("twitter:k1").orElseThrow().posted()).isTrue();
    }

    /**
     * Posts for real, then dies before its answer is recorded (the lease stays, as after a kill); {@code afterPost}
     * runs between the two, so a test can hold the dying thread as a stopped process would be held.
     */
    record Dies(CaseMessages real, Runnable afterPost) implements CaseMessages {
        Dies(CaseMessages real) {
            this(real, () -> { });
        }

        @Override
        public Sent post(CaseView view) {
            real.post(view);
            afterPost.run();
            throw new IllegalStateException("killed");
        }

        @Override
        public Sent update(CaseView view) {
            return real.update(view);
        }

        @Override
        public Found find(String channel, String caseKey, Instant since) {
            return real.find(channel, caseKey, since);
        }
    }

    @Test
    void anUpdateFailingSixTimesEndsShowingTheTrueStateAndIsReportedOnce() {
        decide("u1");
        rig.drain();
        for (int i = 0; i < 6; i++) {
            slack.enqueue("chat.update", new SlackApiStub.Answer(500, "{\"ok\":false,\"error\":\"internal_error\"}",
                    Map.of()));
        }
        rig.work.claim("twitter:u1", "U0AGENT");

        rig.drain();

        assertThat(slack.calls("chat.update")).hasSize(7);
        String shown = slack.workspace().messages().get(0).blocks().toString();
        assertThat(shown).contains("Claimed by <@U0AGENT>").doesNotContain("case_claim");
        assertThat(rig.opsReports()).hasSize(1);
        assertThat(rig.opsReports().get(0).param("text")).contains("twitter:u1", "could not be updated");
    }

    @Test
    void aDeletedPostIsPostedAgainShowingTheCaseAsItIs() {
        decide("g1");
        rig.drain();
        String first = rig.work.find("twitter:g1").orElseThrow().messageTs();
        slack.workspace().delete(first);
        rig.work.claim("twitter:g1", "U0AGENT");

        rig.drain();

        assertThat(slack.calls("chat.update").get(0).param("ts")).isEqualTo(first);
        assertThat(slack.workspace().postsPerCase()).containsExactly(Map.entry("twitter:g1", 1));
        assertThat(slack.workspace().messages().get(0).blocks().toString()).contains("Claimed by <@U0AGENT>");
        assertThat(rig.work.find("twitter:g1").orElseThrow().messageTs()).isNotEqualTo(first);
        assertThat(rig.events).extracting(e -> e.getClass().getSimpleName()).containsOnlyOnce("Posted");
    }

    @Test
    void whatSlackRefusesIsReportedOnceAndNotRetriedInALoop() {
        slack.answer("chat.postMessage", SlackApiStub.Answer.error("not_in_channel"));
        decide("r1");
        rig.drain(Duration.ofMinutes(10));
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.param("metadata") != null)).hasSize(1);
        assertThat(rig.outbox.pending()).isZero();
        rig.drain(Duration.ofMinutes(10));
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.param("metadata") != null)).hasSize(1);
        // the ops report also went to chat.postMessage, answered not_in_channel: logged, once
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.param("metadata") == null)).hasSize(1);
    }

    @Test
    void aStormGrowingOneClusterEndsWithTheFinalSizeInAFewEdits() {
        var original = rig.mention("150", "@BrandTel day one without signal");
        rig.decide(original, List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE);
        rig.drain();
        for (int i = 1; i <= 300; i++) {
            var rt = new io.socialbot.mention.Mention("rt" + i, "twitter", original.createdAt(), "RT " + original.text(),
                    new io.socialbot.mention.Mention.Author("f" + i, "fan" + i, null, 10, false), null, null, "150",
                    null, null);
            rig.work.onDecision(rt, new TriageDecision(rt.key(), rt.id(), "en", null, TriageDecision.Priority.P3,
                    List.of(), List.of(), new TriageDecision.Cluster(original.key(),
                    TriageDecision.Cluster.Kind.RETWEET, i + 1), true, null));
            if (i % 50 == 0) {
                rig.replica().runDue();
                rig.clock.advance(Duration.ofSeconds(1));
            }
        }
        rig.drain();
        assertThat(rig.posts()).hasSize(1);
        assertThat(slack.calls("chat.update")).hasSizeBetween(1, 10);
        assertThat(slack.workspace().messages().get(0).blocks().toString()).contains("Cluster: 301 posts");
    }
}
