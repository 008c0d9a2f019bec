package io.socialbot.triage;

import static io.socialbot.support.Mentions.mention;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.Mention;
import io.socialbot.mention.redis.RedisMentionQueue;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.triage.redis.RedisDecisionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TriageWorkerTest {

    private final RedisKeys keys = TestRedis.freshKeys();
    private final RedisMentionStore store = new RedisMentionStore(TestRedis.client(), keys);
    private final RedisDecisionStore decisions = new RedisDecisionStore(TestRedis.client(), keys);
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final AtomicInteger triaged = new AtomicInteger();
    private final MentionTriage triage = m -> {
        triaged.incrementAndGet();
        return new TriageDecision(m.key(), m.id(), "en", null, TriageDecision.Priority.P3, List.of("test"), List.of(),
                new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.SINGLE, 1), true, "#care");
    };

    private TriageWorker worker(String consumer) {
        return new TriageWorker(new RedisMentionQueue(TestRedis.client(), keys, consumer), store, triage, decisions,
                List.of((Mention m, TriageDecision d) -> told.add(d.key())));
    }

    @Test
    void decidesEachQueuedMentionOnceAndTellsTheListeners() {
        List<Mention> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(mention("w" + i, "text " + i));
        }
        store.acceptAll(batch);
        store.acceptAll(batch); // re-delivery queues nothing
        TriageWorker a = worker("a");
        TriageWorker b = worker("b");
        int decided = a.processAvailable(30, Duration.ZERO).size() + b.processAvailable(100, Duration.ZERO).size();
        assertThat(decided).isEqualTo(50);
        assertThat(told).hasSize(50).doesNotHaveDuplicates();
        assertThat(decisions.find("twitter:w7")).get().extracting(TriageDecision::postedTo).isEqualTo("#care");
    }

    @Test
    void entriesOfACrashedReplicaAreReclaimedAndDecidedOnce() throws Exception {
        store.acceptAll(List.of(mention("c1", "x"), mention("c2", "y")));
        // replica "dead" reads both entries and dies before acknowledging them
        new RedisMentionQueue(TestRedis.client(), keys, "dead").next(10, Duration.ZERO);
        TriageWorker survivor = worker("survivor");
        assertThat(survivor.processAvailable(10, Duration.ZERO)).isEmpty();
        Thread.sleep(30);
        assertThat(survivor.reclaim(Duration.ofMillis(20), 10)).hasSize(2);
        assertThat(told).containsExactlyInAnyOrder("twitter:c1", "twitter:c2");
        assertThat(survivor.reclaim(Duration.ZERO, 10)).isEmpty();
    }

    @Test
    void aReclaimedEntryAlreadyDecidedIsNotTriagedAgain() throws Exception {
        store.accept(mention("d1", "x"));
        RedisMentionQueue slow = new RedisMentionQueue(TestRedis.client(), keys, "slow");
        var entries = slow.next(10, Duration.ZERO);
        // the slow replica decided but died before acknowledging
        decisions.saveIfAbsent(triage.triage(store.find(entries.get(0).mentionKey()).orElseThrow()));
        Thread.sleep(30);
        worker("other").reclaim(Duration.ofMillis(20), 10);
        assertThat(triaged.get()).isEqualTo(1);
        assertThat(told).isEmpty();
    }

    @Test
    void aReclaimedEntryAlreadyDecidedIsHandedToTheListenersAsRedelivered() throws Exception {
        store.accept(mention("d2", "x"));
        RedisMentionQueue slow = new RedisMentionQueue(TestRedis.client(), keys, "slow");
        var entries = slow.next(10, Duration.ZERO);
        TriageDecision saved = triage.triage(store.find(entries.get(0).mentionKey()).orElseThrow());
        decisions.saveIfAbsent(saved); // then the slow replica died, before telling its listeners
        List<TriageDecision> redelivered = new ArrayList<>();
        DecisionListener listener = new DecisionListener() {
            @Override
            public void onDecision(Mention m, TriageDecision d) {
                told.add(d.key());
            }

            @Override
            public void onRedelivered(Mention m, TriageDecision d) {
                redelivered.add(d);
            }
        };
        TriageWorker other = new TriageWorker(new RedisMentionQueue(TestRedis.client(), keys, "other"), store,
                triage, decisions, List.of(listener));
        Thread.sleep(30);

        assertThat(other.reclaim(Duration.ofMillis(20), 10)).isEmpty();
        assertThat(redelivered).containsExactly(saved);
        assertThat(told).isEmpty();
        assertThat(triaged.get()).isEqualTo(1);
    }

    @Test
    void aMentionWhoseTriageKeepsFailingIsSetAsideNotRetriedForever() throws Exception {
        store.accept(mention("poison", "x"));
        store.accept(mention("fine", "y"));
        MentionTriage failsOnPoison = m -> {
            if (m.id().equals("poison")) {
                throw new IllegalStateException("bug");
            }
            return triage.triage(m);
        };
        TriageWorker w = new TriageWorker(new RedisMentionQueue(TestRedis.client(), keys, "w"), store, failsOnPoison,
                decisions, List.of((Mention m, TriageDecision d) -> told.add(d.key())));
        RedisMentionQueue q = new RedisMentionQueue(TestRedis.client(), keys, "w");
        // the poison entry fails alone: the rest of the batch is decided and acknowledged
        assertThat(w.processAvailable(10, Duration.ZERO)).extracting(d -> d.decision().key())
                .containsExactly("twitter:fine");
        assertThat(q.depth()).isEqualTo(1);
        for (int attempt = 0; attempt < 5; attempt++) {
            Thread.sleep(5);
            assertThat(w.reclaim(Duration.ofMillis(1), 10)).isEmpty();
        }
        assertThat(TestRedis.client().lrange(keys.key("stream", "failed"), 0, -1)).containsExactly("twitter:poison");
        assertThat(store.find("twitter:poison")).as("set aside, still kept").isPresent();
        assertThat(told).contains("twitter:fine");
        assertThat(q.depth()).isZero();
    }
}
