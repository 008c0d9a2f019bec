package io.socialbot.casework.slack;

import com.slack.api.methods.MethodsClient;
import io.socialbot.casework.CaseDelivery;
import io.socialbot.casework.CaseEvent;
import io.socialbot.casework.CaseMessages;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.FakeReplySender;
import io.socialbot.casework.redis.RedisCaseOutbox;
import io.socialbot.casework.redis.RedisCaseStore;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.mention.Mention;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.slack.SlackOpsAlerts;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.redis.RedisDecisionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import redis.clients.jedis.UnifiedJedis;

/**
 * Casework on the embedded Redis with posters ("replicas", each with its own Redis and HTTP clients) delivering to
 * a Slack stand-in, all on one hand-moved clock: Retry-After and backoff pass in milliseconds.
 */
final class DeliveryRig implements AutoCloseable {

    static final String OPS = "#ops";

    final SlackApiStub slack = new SlackApiStub();
    final TestRedisTarget redis;
    final RedisKeys keys;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:15:00Z"));
    final RedisMentionStore mentions;
    final RedisDecisionStore decisions;
    final RedisCaseStore cases;
    final RedisCaseOutbox outbox;
    final List<CaseEvent> events = new CopyOnWriteArrayList<>();
    final FakeReplySender x = new FakeReplySender();
    final CaseWork work;
    final List<CaseDelivery> replicas = new ArrayList<>();
    private final List<UnifiedJedis> clients = new ArrayList<>();

    DeliveryRig() {
        this(TestRedis.server());
    }

    /** The rig on a given Redis: the embedded server, or the cluster of {@code RedisClusterTest}. */
    DeliveryRig(TestRedisTarget redis) {
        this.redis = redis;
        this.keys = redis.freshKeys();
        this.mentions = new RedisMentionStore(redis.client(), keys);
        this.decisions = new RedisDecisionStore(redis.client(), keys);
        this.cases = new RedisCaseStore(redis.client(), keys);
        this.outbox = new RedisCaseOutbox(redis.client(), keys);
        this.work = new CaseWork(cases, mentions, decisions, x, new TwitterTextLength(), List.of(events::add),
                Optional::empty, clock);
        slack.clock(clock);
    }

    static CaseDelivery.Settings settings() {
        return new CaseDelivery.Settings(4, Duration.ofSeconds(45), Duration.ofSeconds(1), 3, Duration.ofSeconds(1),
                Duration.ofMinutes(5), 5, Duration.ofMillis(1200), 3);
    }

    /** A poster replica with its own Redis client and Slack HTTP client; {@code wrap} may sabotage its messages. */
    CaseDelivery replica(int readTimeoutMs, UnaryOperator<CaseMessages> wrap) {
        CaseDelivery d = replica(readTimeoutMs, clock, settings(), Runnable::run, wrap);
        replicas.add(d);
        return d;
    }

    /** A poster on its own clock, settings and workers (not drained by {@link #drain}). */
    CaseDelivery replica(int readTimeoutMs, Clock on, CaseDelivery.Settings settings, Executor workers,
                         UnaryOperator<CaseMessages> wrap) {
        UnifiedJedis redis = this.redis.connect();
        clients.add(redis);
        MethodsClient client = CaseSlackConfiguration.deliverySlack(slack.methodsUrl(), readTimeoutMs)
                .methods("xoxb-test");
        return new CaseDelivery(new RedisCaseOutbox(redis, keys), wrap.apply(new SlackCaseMessages(client)),
                work::view, List.of(events::add), on, workers, settings, new SlackOpsAlerts(() -> client, OPS));
    }

    CaseDelivery replica() {
        return replicas.isEmpty() ? replica(2_000, m -> m) : replicas.get(0);
    }

    /** Runs every replica until the outbox is empty, moving the clock a second when nothing was due. */
    void drain(Duration atMost) {
        if (replicas.isEmpty()) {
            replica();
        }
        Instant end = clock.instant().plus(atMost);
        while (outbox.pending() > 0 && clock.instant().isBefore(end)) {
            int n = 0;
            for (CaseDelivery d : replicas) {
                n += d.runDue();
            }
            if (n == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
    }

    void drain() {
        drain(Duration.ofMinutes(30));
    }

    Mention mention(String id, String text) {
        return new Mention(id, "twitter", Instant.parse("2026-03-02T08:15:00Z"), text,
                new Mention.Author("a" + id, "jo_bristol", "Jo <Bristol>", 67, false),
                "https://twitter.com/jo_bristol/status/" + id, null, null, null, Mention.Metrics.NONE);
    }

    TriageDecision decide(Mention m, List<String> themes, TriageDecision.Sentiment.Label label) {
        return decide(m, themes, label, TriageDecision.Priority.P2, "#care-urgent");
    }

    TriageDecision decide(Mention m, List<String> themes, TriageDecision.Sentiment.Label label,
                          TriageDecision.Priority priority, String channel) {
        TriageDecision d = new TriageDecision(m.key(), m.id(), "en", new TriageDecision.Sentiment(label, -0.7),
                priority, List.of("P2: outage (\"no signal\")", "negative -0.70"), themes,
                new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.SINGLE, 1), true, channel);
        mentions.accept(m);
        decisions.saveIfAbsent(d);
        work.onDecision(m, d);
        return d;
    }

    List<SlackApiStub.Call> posts() {
        return slack.calls("chat.postMessage").stream().filter(c -> c.param("metadata") != null).toList();
    }

    List<SlackApiStub.Call> opsReports() {
        String ops = slack.workspace().channel("ops"); // by id or by name: chat.postMessage takes both
        return slack.calls("chat.postMessage").stream()
                .filter(c -> ops.equals(c.param("channel")) || OPS.equals(c.param("channel"))).toList();
    }

    @Override
    public void close() {
        slack.close();
        clients.forEach(UnifiedJedis::close);
    }
}
