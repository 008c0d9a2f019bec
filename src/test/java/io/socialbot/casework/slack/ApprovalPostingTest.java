package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import io.socialbot.casework.Approval;
import io.socialbot.casework.ApprovalNotices;
import io.socialbot.casework.ApprovalProperties;
import io.socialbot.casework.ApprovalRules;
import io.socialbot.casework.ApprovalStore;
import io.socialbot.casework.CaseView;
import io.socialbot.casework.CurrentIncident;
import io.socialbot.casework.ReplyApprovals;
import io.socialbot.casework.ReplySender;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.casework.redis.RedisApprovalStore;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.redis.RedisClients;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.support.TestRedis;
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
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * An approval request holds its case only while an approver can see it: a refused post, a replica dying on either
 * side of the post, or a post recorded too late each leave the case free to Send again (real Bolt, embedded Redis,
 * the Slack stand-in, two replicas).
 */
class ApprovalPostingTest {

    static final String AGENT = "U0AGENT";
    static final String LEAD = "U0LEAD";
    /** Past the window a request has to reach the channel (2 minutes). */
    static final Duration PAST_THE_WINDOW = Duration.ofMinutes(3);

    final DeliveryRig rig = new DeliveryRig();
    final SlackApiStub slack = rig.slack;
    final AccessPolicy access = new AccessPolicy(Set.of(AGENT), Set.of(LEAD), Set.of(), false);
    final ExecutorService executor = Executors.newFixedThreadPool(8);
    final List<UnifiedJedis> clients = new ArrayList<>();
    final SignedSlackRequests requests = new SignedSlackRequests(slack);
    /** Held as a stopped process holds its threads; never released, interrupted at the end. */
    final CountDownLatch never = new CountDownLatch(1);
    final CountDownLatch dying = new CountDownLatch(1);

    @AfterEach
    void stop() {
        executor.shutdownNow();
        clients.forEach(UnifiedJedis::close);
        rig.close();
    }

    /** How the next replica's store is reached (as it is, unless a test cuts Redis off at some steps). */
    UnaryOperator<ApprovalStore> storeWrap = store -> store;

    App replica(UnaryOperator<ApprovalNotices> wrap) {
        slack.workspace().channel("care-approvals");
        UnifiedJedis redis = RedisClients.connect(TestRedis.url(), TestRedis.properties());
        clients.add(redis);
        ApprovalProperties settings = new ApprovalProperties(true, "#care-approvals", Set.of(), Set.of(Priority.P1),
                Set.of(), false);
        ApprovalNotices notices = wrap.apply(new SlackApprovalNotices(
                TestSlackApps.slack(slack).methods(TestSlackApps.BOT_TOKEN), "#care-approvals"));
        CurrentIncident none = Optional::empty;
        ReplyApprovals approvals = new ReplyApprovals(new ApprovalRules(settings),
                storeWrap.apply(new RedisApprovalStore(redis, rig.keys)), notices, rig.work, new TwitterTextLength(),
                none, List.of(rig.events::add), rig.clock);
        CaseSlackListeners cases = new CaseSlackListeners(rig.work, new ReplySuggestions(new PromptTemplates(null)),
                new TwitterTextLength(), access, none, executor, null, approvals);
        return TestSlackApps.app(slack, cases, new ApprovalSlackListeners(approvals, new TwitterTextLength(), access,
                executor));
    }

    /** Notices that die on the request: before it reaches Slack, or right after Slack took it. */
    ApprovalNotices dies(ApprovalNotices real, boolean afterPosting) {
        return new ForwardingNotices(real) {
            @Override
            public Optional<Posted> request(Approval approval, Optional<CaseView> view) {
                if (afterPosting) {
                    real.request(approval, view);
                }
                dying.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("killed");
            }
        };
    }

    void open(String id) {
        rig.decide(rig.mention(id, "@BrandTel still no signal"), List.of("outage"),
                TriageDecision.Sentiment.Label.NEGATIVE, Priority.P1, "#care-urgent");
        rig.drain();
    }

    /** The agent's Send from the reply modal, without waiting for what they are told. */
    void submit(App app, String id, String text) throws Exception {
        app.run(requests.viewSubmission("case_reply_modal", "twitter:" + id,
                "{\"reply\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"" + text + "\"}}}", AGENT));
    }

    String send(App app, String id, String text) throws Exception {
        int before = slack.calls("chat.postEphemeral").size();
        submit(app, id, text);
        return slack.await("chat.postEphemeral", before + 1, Duration.ofSeconds(5)).get(before).param("text");
    }

    /** The approval requests the bot posted (Slack's refusals included), oldest first. */
    List<SlackApiStub.Call> requestsPosted() {
        String channel = slack.workspace().channel("care-approvals");
        return slack.calls("chat.postMessage").stream()
                .filter(c -> channel.equals(c.param("channel")) || "#care-approvals".equals(c.param("channel")))
                .filter(c -> c.json("blocks") != null && c.json("blocks").contains("approval_approve")).toList();
    }

    String approve(App app, String id) throws Exception {
        int before = slack.calls("response_url").size();
        app.run(requests.blockAction("approval_approve", id, LEAD, "C0APPROVALS", "1700000000.000300"));
        return slack.await("response_url", before + 1, Duration.ofSeconds(5)).get(before).param("text");
    }

    @Test
    void aSlackRefusalOfTheRequestHoldsNothingAndTheNextSendIsAskedFor() throws Exception {
        App app = replica(n -> n);
        open("900");
        slack.enqueue("chat.postMessage", SlackApiStub.Answer.error("not_in_channel"));

        assertThat(send(app, "900", "@jo_bristol Sorry, on it.")).contains("Not sent", "could not be reached",
                "text is kept");
        assertThat(rig.work.find("twitter:900").orElseThrow().draft()).isEqualTo("@jo_bristol Sorry, on it.");

        assertThat(send(app, "900", "@jo_bristol Sorry, on it.")).contains("needs a lead's approval");
        assertThat(requestsPosted()).as("the refused one, then the one asked").hasSize(2);
        assertThat(approve(app, ApprovalSlackTest.approvalId(requestsPosted().get(0)))).contains("gone",
                "nothing was sent", "Send the reply again");
        assertThat(approve(app, ApprovalSlackTest.approvalId(requestsPosted().get(1)))).contains("and sent");
        assertThat(rig.x.sent).hasSize(1);
    }

    @Test
    void aReplicaDyingBeforeThePostHoldsTheCaseOnlyUntilTheWindowEnds() throws Exception {
        App one = replica(n -> dies(n, false));
        App two = replica(n -> n);
        open("901");
        submit(one, "901", "@jo_bristol Sorry.");
        assertThat(dying.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(requestsPosted()).as("nobody was asked").isEmpty();

        assertThat(send(two, "901", "@jo_bristol Sorry!")).as("while it may still be posted").contains("already waiting");
        rig.clock.advance(PAST_THE_WINDOW);
        assertThat(send(two, "901", "@jo_bristol Sorry!")).contains("needs a lead's approval");

        assertThat(requestsPosted()).hasSize(1);
        assertThat(approve(two, ApprovalSlackTest.approvalId(requestsPosted().get(0)))).contains("and sent");
        assertThat(rig.x.sent).singleElement().satisfies(s -> assertThat(s.text()).isEqualTo("@jo_bristol Sorry!"));
    }

    @Test
    void aReplicaDyingAfterThePostLeavesNoButtonThatSendsOnceTheCaseIsFree() throws Exception {
        App one = replica(n -> dies(n, true));
        App two = replica(n -> n);
        open("902");
        submit(one, "902", "@jo_bristol Old text.");
        assertThat(dying.await(5, TimeUnit.SECONDS)).isTrue();
        String stale = ApprovalSlackTest.approvalId(requestsPosted().get(0));

        rig.clock.advance(PAST_THE_WINDOW);
        assertThat(send(two, "902", "@jo_bristol New text.")).contains("needs a lead's approval");
        assertThat(approve(two, stale)).as("the dead replica's request").contains("gone");
        assertThat(rig.x.sent).isEmpty();
        assertThat(approve(two, ApprovalSlackTest.approvalId(requestsPosted().get(1)))).contains("and sent");
        assertThat(rig.x.sent).singleElement().satisfies(s -> assertThat(s.text()).isEqualTo("@jo_bristol New text."));
    }

    @Test
    void aPostRecordedTooLateIsWithdrawnAndTheAgentToldToSendAgain() throws Exception {
        App app = replica(real -> new ForwardingNotices(real) {
            @Override
            public Optional<Posted> request(Approval approval, Optional<CaseView> view) {
                Optional<Posted> posted = real.request(approval, view);
                rig.clock.advance(PAST_THE_WINDOW); // Slack took its time: the case may have been taken meanwhile
                return posted;
            }
        });
        open("903");

        assertThat(send(app, "903", "@jo_bristol Sorry.")).contains("Not sent", "could not be recorded in time");
        SlackApiStub.Call update = slack.await("chat.update", 1, Duration.ofSeconds(5)).stream()
                .filter(c -> c.json("blocks").contains("Withdrawn")).findFirst().orElseThrow();
        assertThat(update.json("blocks")).doesNotContain("approval_approve");
        assertThat(approve(app, ApprovalSlackTest.approvalId(requestsPosted().get(0)))).contains("gone");
        assertThat(rig.x.sent).isEmpty();
    }

    @Test
    void aRequestALeadApprovedWhileSlacksAnswerWasLostIsNeitherDroppedNorToldNotSent() throws Exception {
        CountDownLatch inChannel = new CountDownLatch(1);
        CountDownLatch decided = new CountDownLatch(1);
        App one = replica(real -> new ForwardingNotices(real) {
            @Override
            public Optional<Posted> request(Approval approval, Optional<CaseView> view) {
                real.request(approval, view); // Slack took it, the buttons are live ...
                inChannel.countDown();
                try {
                    decided.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("read timeout"); // ... but its answer never came back
            }
        });
        App two = replica(n -> n);
        open("904");
        int before = slack.calls("chat.postEphemeral").size();
        submit(one, "904", "@jo_bristol On it.");
        assertThat(inChannel.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(approve(two, ApprovalSlackTest.approvalId(requestsPosted().get(0)))).contains("and sent");
        decided.countDown();

        String told = slack.await("chat.postEphemeral", before + 1, Duration.ofSeconds(5)).get(before).param("text");
        assertThat(told).doesNotContain("could not be reached", "text is kept").contains("needs a lead's approval");
        assertThat(slack.calls("chat.update").stream().map(c -> String.valueOf(c.json("blocks"))))
                .noneMatch(b -> b.contains("Withdrawn"));
        assertThat(rig.x.sent).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("@jo_bristol On it."));
        assertThat(send(two, "904", "@jo_bristol On it.")).as("the case is free for its next Send")
                .contains("needs a lead's approval");
    }

    @Test
    void aRequestWhoseRecordingAndDropBothFailKeepsItsButtonsAndTheAgentIsToldItMayBeWaiting() throws Exception {
        storeWrap = CutOffApprovalStore::new;
        App one = replica(n -> n);
        storeWrap = store -> store;
        App two = replica(n -> n);
        open("905");

        assertThat(send(one, "905", "@jo_bristol Looking now.")).contains("could not be confirmed",
                "may still be waiting");
        assertThat(rig.work.find("twitter:905").orElseThrow().draft()).isEqualTo("@jo_bristol Looking now.");
        assertThat(slack.calls("chat.update").stream().map(c -> String.valueOf(c.json("blocks"))))
                .as("its buttons are left: nothing says they hold nothing").noneMatch(b -> b.contains("Withdrawn"));
        assertThat(approve(two, ApprovalSlackTest.approvalId(requestsPosted().get(0)))).contains("and sent");
        assertThat(rig.x.sent).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("@jo_bristol Looking now."));
    }
}
