package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.CaseDelivery;
import io.socialbot.platform.schedule.DaemonThreads;
import io.socialbot.platform.schedule.RepeatingTask;
import io.socialbot.platform.schedule.TaskSchedulers;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.TriageDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A poster's lease is short and renewed while its call is in flight: a replica stopped mid-post holds its channel
 * for one lease, not 45 s, and its post is found in the history, not posted again; a live poster whose Slack call
 * outlasts the lease keeps it, so no other replica posts the case meanwhile.
 */
public class PosterLeaseTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    /** The bot's own delivery settings, defaults and all, as Spring binds them. */
    static final CaseDelivery.Settings DEFAULTS = new org.springframework.boot.context.properties.bind.Binder(
            new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("socialbot.casework.delivery", CaseDeliveryProperties.class).settings();

    final DeliveryRig rig = new DeliveryRig(testRedis());
    final CountDownLatch never = new CountDownLatch(1);
    final ExecutorService dyingWorkers = DaemonThreads.pool("dying-poster", 1);

    @AfterEach
    void stop() {
        never.countDown();
        dyingWorkers.shutdownNow();
        rig.close();
    }

    static CaseDelivery.Settings settings(Duration lease) {
        return new CaseDelivery.Settings(4, lease, Duration.ofSeconds(1), 3, Duration.ofSeconds(1),
                Duration.ofMinutes(5), 5, Duration.ofMillis(1200), 3);
    }

    void decideP1(String id) {
        rig.decide(rig.mention(id, "no signal " + id), List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE,
                TriageDecision.Priority.P1, "#care-urgent");
    }

    @Test
    void aReplicaStoppedRightAfterSlackTookItsPostHoldsItsChannelOneLeaseAndIsNotPostedAgain() {
        decideP1("k1");
        decideP1("k2"); // behind k1 in the same channel: one post in flight per channel
        CaseDelivery dying = rig.replica(2_000, rig.clock, DEFAULTS, dyingWorkers, real -> new CaseDeliveryTest.Dies(real, () -> awaitForever(never)));
        dying.runDue();
        rig.slack.await("chat.postMessage", 1, Duration.ofSeconds(10)); // Slack has k1; the replica never answers again
        Instant killed = rig.clock.instant();
        CaseDelivery survivor = rig.replica(2_000, rig.clock, DEFAULTS, Runnable::run, m -> m);

        while (!rig.slack.workspace().postsPerCase().containsKey("twitter:k2")
                && rig.clock.instant().isBefore(killed.plusSeconds(120))) {
            survivor.runDue();
            rig.clock.advance(Duration.ofMillis(250));
        }

        assertThat(Duration.between(killed, rig.clock.instant())).as("the channel is held one lease (6 s), not 45 s")
                .isLessThanOrEqualTo(Duration.ofSeconds(7));
        for (int i = 0; i < 20 && rig.outbox.pending() > 0; i++) {
            survivor.runDue(); // k1, in doubt, is looked for in the history and recorded
            rig.clock.advance(Duration.ofMillis(250));
        }
        assertThat(rig.slack.workspace().postsPerCase()).containsExactlyInAnyOrderEntriesOf(
                Map.of("twitter:k1", 1, "twitter:k2", 1));
        assertThat(rig.slack.calls("conversations.history")).as("k1 looked for before anything else").isNotEmpty();
        assertThat(rig.work.find("twitter:k1").orElseThrow().messageTs())
                .isEqualTo(rig.slack.workspace().messages().get(0).ts());
        assertThat(rig.outbox.pending()).isZero();
    }

    @Test
    void aLivePosterWhoseCallOutlastsTheLeaseKeepsItByHeartbeatSoNoOtherReplicaPostsTheCase() throws Exception {
        Duration lease = Duration.ofSeconds(1);
        rig.slack.stall("chat.postMessage", 1, Duration.ofMillis(3_500)); // Slack takes the post only after 3.5 s
        decideP1("s1");
        ThreadPoolTaskScheduler scheduler = TaskSchedulers.started(Clock.systemUTC(), 2);
        try {
            CaseDelivery slow = rig.replica(10_000, Clock.systemUTC(), settings(lease), dyingWorkers, m -> m);
            RepeatingTask heartbeat = new RepeatingTask("heartbeat", scheduler, settings(lease).heartbeat(),
                    slow::renewLeases);
            heartbeat.start();
            CaseDelivery other = rig.replica(10_000, Clock.systemUTC(), settings(lease), Runnable::run, m -> m);
            slow.runDue();
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end && !rig.work.find("twitter:s1").orElseThrow().posted()) {
                other.runDue(); // three leases and more pass while the slow call is in flight
                Thread.sleep(50);
            }
            heartbeat.stop();
        } finally {
            scheduler.shutdown();
        }

        assertThat(rig.work.find("twitter:s1").orElseThrow().posted()).isTrue();
        assertThat(rig.posts()).as("one chat.postMessage: the other replica never took the case").hasSize(1);
        assertThat(rig.slack.workspace().postsPerCase()).containsExactly(Map.entry("twitter:s1", 1));
    }

    /** Holds the calling thread until the latch opens (never, in these tests): a process stopped mid-call. */
    private static void awaitForever(CountDownLatch never) {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
