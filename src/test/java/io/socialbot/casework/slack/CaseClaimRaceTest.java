package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.FakeReplySender;
import io.socialbot.casework.redis.RedisCaseStore;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.support.slack.TestSlackApps;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.redis.RedisDecisionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Claims racing through real Bolt apps: two replicas, sixteen agents, a thousand cases, one owner each. */
class CaseClaimRaceTest {

    final DeliveryRig rig = new DeliveryRig();
    final SlackApiStub slack = rig.slack;
    final RedisKeys keys = rig.keys;
    final RedisMentionStore mentions = rig.mentions;
    final RedisDecisionStore decisions = rig.decisions;
    final FakeReplySender x = rig.x;
    final CaseWork work = rig.work;
    final SignedSlackRequests requests = new SignedSlackRequests(slack);

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void twoAppsSixteenThreadsOneThousandCasesOneOwnerEach() throws Exception {
        RedisCaseStore store = new RedisCaseStore(TestRedis.client(), keys);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            store.create(new io.socialbot.casework.Case("twitter:r" + i, "r" + i, "h", TriageDecision.Priority.P3, "#c",
                    null, io.socialbot.casework.Case.Status.OPEN, null, 1, 0, null, Instant.now(), null, null, null, null));
            ids.add("r" + i);
        }
        List<String> agents = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            agents.add("U" + t);
        }
        AccessPolicy many = new AccessPolicy(Set.copyOf(agents), Set.of(), Set.of(), false);
        // two replicas: each its own Bolt app, casework and Redis client over the same Redis
        App[] apps = new App[2];
        for (int r = 0; r < 2; r++) {
            CaseWork replica = new CaseWork(new RedisCaseStore(TestRedis.client(), keys), mentions, decisions, x,
                    new TwitterTextLength(), List.of(), Optional::empty, Clock.systemUTC());
            apps[r] = TestSlackApps.app(slack, new CaseSlackListeners(replica, null, new TwitterTextLength(), many,
                    Optional::empty, Executors.newFixedThreadPool(4)));
        }
        var pool = Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<List<String>>> runs = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            String agent = agents.get(t);
            List<String> order = new ArrayList<>(ids);
            java.util.Collections.shuffle(order, new java.util.Random(t));
            runs.add(pool.submit(() -> {
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                    var response = apps[i % 2].run(requests.slashCommand("/claim", order.get(i), agent));
                    assertThat(response.getStatusCode()).isEqualTo(200);
                    texts.add(order.get(i) + "|" + CaseSlackListenersTest.ackText(response));
                }
                return texts;
            }));
        }
        List<String> answers = new ArrayList<>();
        for (var r : runs) {
            answers.addAll(r.get());
        }
        pool.shutdown();
        assertThat(answers).hasSize(16_000);
        java.util.Map<String, String> owners = new java.util.HashMap<>();
        for (String id : ids) {
            owners.put(id, work.find("twitter:" + id).orElseThrow().owner());
        }
        assertThat(owners.values()).doesNotContainNull().allMatch(agents::contains);
        long wins = answers.stream().filter(a -> a.contains("|You own case")).count();
        long told = answers.stream().filter(a -> a.contains("|Already claimed by <@U")).count();
        assertThat(wins).isEqualTo(1_000);
        assertThat(told).isEqualTo(15_000);
        // every loser was told the right owner
        for (String answer : answers) {
            String id = answer.substring(0, answer.indexOf('|'));
            String text = answer.substring(answer.indexOf('|') + 1);
            if (text.startsWith("Already claimed by")) {
                assertThat(text.substring(text.indexOf("<@") + 2, text.indexOf('>'))).as(id).isEqualTo(owners.get(id));
            }
        }
    }
}
