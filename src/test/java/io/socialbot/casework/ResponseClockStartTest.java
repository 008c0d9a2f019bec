package io.socialbot.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.redis.RedisCaseStore;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import io.socialbot.mention.redis.RedisMentionQueue;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.Mentions;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.MentionTriage;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageWorker;
import io.socialbot.triage.redis.RedisDecisionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the response clock starts when the mention arrived at the bot (its store accepted it), through the real
 * store, queue and triage worker, not at the network's {@code created_at} nor when triage opened the case.
 */
public class ResponseClockStartTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    private static final Instant POSTED = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant ACCEPTED = Instant.parse("2026-03-02T11:15:07Z");

    private final RedisKeys keys = testRedis().freshKeys();
    private final MutableClock clock = new MutableClock(ACCEPTED);
    private final RedisMentionStore mentions = new RedisMentionStore(testRedis().client(), keys, clock);
    private final RedisDecisionStore decisions = new RedisDecisionStore(testRedis().client(), keys);
    private final List<CaseEvent> events = new CopyOnWriteArrayList<>();
    private final CaseWork work = new CaseWork(new RedisCaseStore(testRedis().client(), keys), mentions, decisions,
            new FakeReplySender(), new TwitterTextLength(), List.of(events::add), Optional::empty, clock);
    private final MentionTriage triage = m -> new TriageDecision(m.key(), m.id(), "en", null,
            TriageDecision.Priority.P2, List.of("test"), List.of(),
            new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.SINGLE, 1), true, "#care");

    @Test
    void theClockStartsWhenTheStoreAcceptedTheMentionNotAtItsPostTimeNorAtTriage() {
        // posted three hours before a listening tool forwarded it; triage runs 40 s after the bot accepted it
        mentions.accept(Mentions.mention("late1", "no signal", POSTED));
        clock.advance(Duration.ofSeconds(40));
        TriageWorker worker = new TriageWorker(new RedisMentionQueue(testRedis().client(), keys, "w"), mentions, triage,
                decisions, List.of(work));
        assertThat(worker.processAvailable(10, Duration.ZERO)).hasSize(1);

        assertThat(events).singleElement().isInstanceOfSatisfying(CaseEvent.Received.class,
                r -> assertThat(r.at()).isEqualTo(ACCEPTED));
        assertThat(mentions.find("twitter:late1")).get().extracting(Mention::receivedAt).isEqualTo(ACCEPTED);
    }

    @Test
    void aSourceCannotSetTheArrivalTimeInItsInput() {
        String line = "{\"id\":\"9\",\"created_at\":\"2026-03-02T08:15:00Z\",\"text\":\"hi\",\"author\":{\"handle\":\"jo\"},"
                + "\"received_at\":\"2020-01-01T00:00:00Z\"}";
        Mention parsed = ((MentionJson.Valid) MentionJson.parseLine(line)).mention();
        assertThat(parsed.receivedAt()).isNull();
        mentions.accept(parsed);
        assertThat(mentions.find(parsed.key())).get().extracting(Mention::receivedAt).isEqualTo(ACCEPTED);
    }

    @Test
    void aStoredMentionWithoutArrivalFallsBackToItsPostTimeNeverLaterThanNow() {
        Mention older = Mentions.mention("old", "x", POSTED);
        assertThat(older.arrivedBy(ACCEPTED)).isEqualTo(POSTED);
        Mention fromTheFuture = Mentions.mention("ahead", "x", ACCEPTED.plusSeconds(90));
        assertThat(fromTheFuture.arrivedBy(ACCEPTED)).isEqualTo(ACCEPTED);
        assertThat(MentionJson.read(MentionJson.write(older))).isEqualTo(older);
    }
}
