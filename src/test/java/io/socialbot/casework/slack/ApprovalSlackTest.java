package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import io.socialbot.casework.ApprovalProperties;
import io.socialbot.casework.ApprovalRules;
import io.socialbot.casework.CaseEvent;
import io.socialbot.casework.CurrentIncident;
import io.socialbot.casework.ReplyApprovals;
import io.socialbot.casework.ReplySender;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.casework.redis.RedisApprovalStore;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.support.slack.TestSlackApps;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Replies held for a lead, through the real Bolt app on two "replicas" sharing the embedded Redis. */
public class ApprovalSlackTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    static final String TRAINEE = "U0TRAINEE";
    static final String AGENT = "U0AGENT";
    static final String LEAD = "U0LEAD";
    static final String LEAD2 = "U0LEAD2";

    final DeliveryRig rig = new DeliveryRig(testRedis());
    final SlackApiStub slack = rig.slack;
    final AccessPolicy access = new AccessPolicy(Set.of(TRAINEE, AGENT), Set.of(LEAD, LEAD2), Set.of(), false);
    final AtomicReference<String> incident = new AtomicReference<>();
    final CurrentIncident current = () -> Optional.ofNullable(incident.get());
    final ExecutorService executor = Executors.newFixedThreadPool(8);
    final List<UnifiedJedis> clients = new ArrayList<>();
    final SignedSlackRequests requests = new SignedSlackRequests(slack);
    final App one = replica();
    final App two = replica();

    @AfterEach
    void stop() {
        executor.shutdownNow();
        clients.forEach(UnifiedJedis::close);
        rig.close();
    }

    /** A bot process: its own Redis client, Slack client, approvals and listeners; one Redis and one Slack. */
    App replica() {
        slack.workspace().channel("care-approvals"); // the bot was invited to the approvals channel
        UnifiedJedis redis = testRedis().connect();
        clients.add(redis);
        ApprovalProperties settings = new ApprovalProperties(true, "#care-approvals", Set.of(TRAINEE),
                Set.of(Priority.P1), Set.of("press", "legal"), true);
        ReplyApprovals approvals = new ReplyApprovals(new ApprovalRules(settings),
                new RedisApprovalStore(redis, rig.keys),
                new SlackApprovalNotices(TestSlackApps.slack(slack).methods(TestSlackApps.BOT_TOKEN), "#care-approvals"),
                rig.work, new TwitterTextLength(), current, List.of(rig.events::add), rig.clock);
        CaseSlackListeners cases = new CaseSlackListeners(rig.work, new ReplySuggestions(new PromptTemplates(null)),
                new TwitterTextLength(), access, current, executor, null, approvals);
        return TestSlackApps.app(slack, cases, new ApprovalSlackListeners(approvals, new TwitterTextLength(), access,
                executor));
    }

    void open(String id, List<String> themes, Priority priority) {
        rig.decide(rig.mention(id, "@BrandTel <!channel> still no signal"), themes,
                TriageDecision.Sentiment.Label.NEGATIVE, priority, "#care-urgent");
        rig.drain();
    }

    String send(App app, String id, String user, String text) throws Exception {
        int before = slack.calls("chat.postEphemeral").size();
        app.run(requests.viewSubmission("case_reply_modal", "twitter:" + id,
                "{\"reply\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"" + text + "\"}}}", user));
        return slack.await("chat.postEphemeral", before + 1, Duration.ofSeconds(5)).get(before).param("text");
    }

    SlackApiStub.Call request(int index) {
        String approvals = slack.workspace().channel("care-approvals");
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            List<SlackApiStub.Call> posts = slack.calls("chat.postMessage").stream()
                    .filter(c -> approvals.equals(c.param("channel")) || "#care-approvals".equals(c.param("channel")))
                    .toList();
            if (posts.size() > index) {
                return posts.get(index);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no approval request " + index);
    }

    static String approvalId(SlackApiStub.Call request) {
        String blocks = request.json("blocks");
        int at = blocks.indexOf("\"action_id\":\"approval_approve\"");
        String tail = blocks.substring(at);
        int v = tail.indexOf("\"value\":\"") + 9;
        return tail.substring(v, tail.indexOf('"', v));
    }

    List<String> responses(int count) {
        return slack.await("response_url", count, Duration.ofSeconds(5)).stream().map(c -> c.param("text")).toList();
    }

    List<String> directMessages(String user) {
        return slack.calls("chat.postMessage").stream().filter(c -> user.equals(c.param("channel")))
                .map(c -> c.param("text")).toList();
    }

    @Test
    void aTraineesReplyWaitsForALeadAndADoubleClickOnTwoReplicasSendsItOnce() throws Exception {
        open("800", List.of("outage"), Priority.P2);
        String told = send(one, "800", TRAINEE, "@jo_bristol So sorry, engineers are on it.");

        assertThat(told).contains("needs a lead's approval", "written by a trainee");
        assertThat(rig.x.sent).isEmpty();
        SlackApiStub.Call asked = request(0);
        String blocks = asked.json("blocks");
        assertThat(blocks).contains("Approval needed", "twitter:800", "So sorry, engineers are on it.",
                "approval_approve", "approval_edit", "approval_reject", "&lt;!channel&gt;").doesNotContain("<!channel>");
        String id = approvalId(asked);

        rig.clock.advance(Duration.ofMinutes(4));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (App app : List.of(one, two)) {
            done.add(clicks.submit(() -> {
                go.await();
                return app.run(requests.blockAction("approval_approve", id, LEAD, "C0APPROVALS", "1700000000.000300"));
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            assertThat(((com.slack.api.bolt.response.Response) f.get()).getStatusCode()).isEqualTo(200);
        }
        clicks.shutdown();

        List<String> answers = responses(2);
        assertThat(answers).anyMatch(a -> a.contains("Approved by <@U0LEAD> and sent"))
                .anyMatch(a -> a.contains("Already approved by <@U0LEAD>: nothing more was sent"));
        assertThat(rig.x.sent).hasSize(1);
        assertThat(rig.x.sent.get(0).text()).isEqualTo("@jo_bristol So sorry, engineers are on it.");
        assertThat(rig.events).filteredOn(e -> e instanceof CaseEvent.Replied).hasSize(1)
                .allMatch(e -> ((CaseEvent.Replied) e).agent().equals(TRAINEE));
        assertThat(rig.events).filteredOn(e -> e instanceof CaseEvent.ApprovalDecided)
                .singleElement().satisfies(e -> assertThat(((CaseEvent.ApprovalDecided) e).waited())
                        .isEqualTo(Duration.ofMinutes(4)));
        var update = slack.await("chat.update", 1, Duration.ofSeconds(5)).stream()
                .filter(c -> asked.param("channel").equals(c.param("channel")) || c.param("ts") != null)
                .filter(c -> c.json("blocks").contains("Approved by")).toList();
        assertThat(update).hasSize(1);
        assertThat(update.get(0).json("blocks")).doesNotContain("approval_approve");
        assertThat(directMessages(TRAINEE)).singleElement().asString().contains("approved by <@U0LEAD> and sent");
    }

    @Test
    void onlyLeadsDecide() throws Exception {
        open("801", List.of(), Priority.P1);
        assertThat(send(one, "801", AGENT, "@jo_bristol On it.")).contains("P1 case");
        String id = approvalId(request(0));

        one.run(requests.blockAction("approval_approve", id, AGENT, "C0APPROVALS", "1700000000.000300"));
        one.run(requests.blockAction("approval_reject", id, TRAINEE, "C0APPROVALS", "1700000000.000300"));

        assertThat(responses(2)).allMatch(a -> a.contains("needs the lead role"));
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(rig.x.sent).isEmpty();
    }

    @Test
    void aLeadEditsThenApprovesAndTheEditIsWhatGoesOut() throws Exception {
        open("802", List.of("press"), Priority.P2);
        assertThat(send(one, "802", AGENT, "@jo_bristol we r on it")).contains("theme press");
        String id = approvalId(request(0));

        one.run(requests.blockAction("approval_edit", id, LEAD, "C0APPROVALS", "1700000000.000300"));
        String modal = slack.await("views.open", 1, Duration.ofSeconds(5)).get(0).param("view");
        assertThat(modal).contains("approval_edit_modal", "we r on it", id);

        var tooLong = two.run(requests.viewSubmission("approval_edit_modal", id,
                "{\"approval\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"" + "x".repeat(281) + "\"}}}", LEAD));
        assertThat(tooLong.getBody()).contains("\"response_action\":\"errors\"", "the limit is 280");
        two.run(requests.viewSubmission("approval_edit_modal", id,
                "{\"approval\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"@jo_bristol We're on it, sorry.\"}}}",
                LEAD));

        long deadline = System.currentTimeMillis() + 5_000;
        while (rig.x.sent.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(rig.x.sent).singleElement().satisfies(s -> assertThat(s.text()).isEqualTo("@jo_bristol We're on it, sorry."));
    }

    @Test
    void aRejectedReplyReturnsToTheAgentWithTheNoteAndItsText() throws Exception {
        open("803", List.of("legal"), Priority.P2);
        send(one, "803", AGENT, "@jo_bristol We will refund everyone!");
        String id = approvalId(request(0));

        one.run(requests.blockAction("approval_reject", id, LEAD, "C0APPROVALS", "1700000000.000300"));
        assertThat(slack.await("views.open", 1, Duration.ofSeconds(5)).get(0).param("view")).contains("approval_reject_modal");
        var blank = one.run(requests.viewSubmission("approval_reject_modal", id,
                "{\"approval\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"  \"}}}", LEAD));
        assertThat(blank.getBody()).contains("\"response_action\":\"errors\"", "Say what to change");
        one.run(requests.viewSubmission("approval_reject_modal", id,
                "{\"approval\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"No refund is announced. <b>Apologise</b>.\"}}}",
                LEAD));

        long deadline = System.currentTimeMillis() + 5_000;
        while (directMessages(AGENT).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(directMessages(AGENT)).singleElement().asString()
                .contains("returned your reply", "No refund is announced. &lt;b&gt;Apologise&lt;/b&gt;.",
                        "We will refund everyone!");
        assertThat(rig.work.find("twitter:803").orElseThrow().draft()).isEqualTo("@jo_bristol We will refund everyone!");
        assertThat(rig.x.sent).isEmpty();
        assertThat(rig.events).filteredOn(e -> e instanceof CaseEvent.ApprovalDecided)
                .singleElement().satisfies(e -> assertThat(((CaseEvent.ApprovalDecided) e).approved()).isFalse());

        two.run(requests.blockAction("approval_approve", id, LEAD2, "C0APPROVALS", "1700000000.000300"));
        assertThat(responses(1).get(0)).contains("Already returned by <@U0LEAD>");
        assertThat(rig.x.sent).isEmpty();
    }

    @Test
    void theRulesHoldWhatTheyNameAndNothingElse() throws Exception {
        open("804", List.of("outage"), Priority.P2);
        assertThat(send(one, "804", AGENT, "@jo_bristol Sorry!")).startsWith("Reply sent");
        open("805", List.of("outage"), Priority.P2);
        incident.set("storm");
        assertThat(send(one, "805", AGENT, "@jo_bristol Sorry!")).contains("an incident is running");
        assertThat(send(two, "805", AGENT, "@jo_bristol Sorry again!")).as("a second Send while one waits")
                .contains("already waiting");
        open("806", List.of("press"), Priority.P1);
        one.run(requests.slashCommand("/reply", "806 @jo_bristol Sorry!", LEAD)); // a modal has its own view id
        assertThat(responses(1).get(0)).as("a lead's own reply").startsWith("Reply sent");
        assertThat(rig.x.sent).hasSize(2);
    }

    @Test
    void aSendThatFailsAfterApprovalWaitsForTheNextApprove() throws Exception {
        open("807", List.of(), Priority.P1);
        send(one, "807", AGENT, "@jo_bristol Sorry, on it.");
        String id = approvalId(request(0));
        rig.x.answer = text -> new ReplySender.Failed(ReplySender.FailureKind.RATE_LIMITED, "X is rate limiting us.",
                rig.clock.instant().plusSeconds(60));

        one.run(requests.blockAction("approval_approve", id, LEAD, "C0APPROVALS", "1700000000.000300"));
        assertThat(responses(1).get(0)).contains("not sent", "rate limiting", "press Approve to try once more");
        rig.x.answer = text -> null;
        two.run(requests.blockAction("approval_approve", id, LEAD2, "C0APPROVALS", "1700000000.000300"));
        assertThat(responses(2).get(1)).contains("Approved by <@U0LEAD2> and sent");
        assertThat(rig.x.sent).hasSize(1);
    }

    @Test
    void aSendThatCanNeverSucceedEndsTheRequestAndLeavesTheCaseFreeForTheNextSend() throws Exception {
        open("808", List.of(), Priority.P1);
        send(one, "808", AGENT, "@jo_bristol Sorry, on it.");
        String id = approvalId(request(0));
        rig.x.answer = text -> new ReplySender.Failed(ReplySender.FailureKind.TARGET_UNAVAILABLE,
                "The post was deleted.", null);

        one.run(requests.blockAction("approval_approve", id, LEAD, "C0APPROVALS", "1700000000.000300"));
        assertThat(responses(1).get(0)).contains("not sent", "The post was deleted").doesNotContain("waits again");
        // a second Approve finds it decided: it does not try the same dead send again
        two.run(requests.blockAction("approval_approve", id, LEAD2, "C0APPROVALS", "1700000000.000300"));
        assertThat(responses(2).get(1)).doesNotContain("and sent").doesNotContain("not sent");
        assertThat(rig.x.sent).isEmpty();
        // the case takes a new Send: a new request, not "already waiting"
        rig.x.answer = text -> null;
        String told = send(one, "808", AGENT, "@jo_bristol Sorry, on it, try two.");
        assertThat(told).doesNotContain("already waiting");
        assertThat(approvalId(request(1))).isNotEqualTo(id);
    }
}
