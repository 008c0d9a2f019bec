package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import io.socialbot.casework.ReplySender;
import io.socialbot.support.slack.SlackApiStub;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /reply --confirm} on a reply that needs a lead: the confirmation waits with it, lifts the in-doubt guard only
 * when approved, and sends nothing when the doubt it answered was settled meanwhile (on {@link ApprovalPostingTest}'s
 * replicas: real Bolt, embedded Redis, the Slack stand-in).
 */
class ConfirmedResendApprovalTest {

    static final String AGENT = ApprovalPostingTest.AGENT;
    static final String LEAD = ApprovalPostingTest.LEAD;

    final ApprovalPostingTest f = new ApprovalPostingTest();

    @AfterEach
    void stop() {
        f.stop();
    }

    String slash(App app, String text, String user) throws Exception {
        int before = f.slack.calls("response_url").size();
        app.run(f.requests.slashCommand("/reply", text, user));
        return f.slack.await("response_url", before + 1, Duration.ofSeconds(5)).get(before).param("text");
    }

    /** Opens case {@code id} with an earlier reply in doubt; returns the post it answers. */
    String inDoubt(String id) {
        f.open(id);
        String postId = f.rig.work.find("twitter:" + id).orElseThrow().postId();
        f.rig.x.inDoubt.add(postId);
        return postId;
    }

    /** An agent's {@code /reply <case> --confirm <text>} held for a lead; returns the request's id. */
    String confirmedRequest(App app, String command) throws Exception {
        slash(app, command, AGENT);
        return ApprovalSlackTest.approvalId(f.requestsPosted().get(0));
    }

    @Test
    void aConfirmedResendThatNeedsApprovalLiftsTheInDoubtGuardOnlyWhenApprovedAndSendsOnce() throws Exception {
        App app = f.replica(n -> n);
        f.open("904");
        String postId = f.rig.work.find("twitter:904").orElseThrow().postId();
        f.rig.x.inDoubt.add(postId);

        assertThat(slash(app, "904 --confirm @jo_bristol Sorry, here it is again.", AGENT))
                .contains("needs a lead's approval");
        assertThat(f.rig.x.confirmed).as("the guard stays up while the reply waits").isEmpty();
        assertThat(f.rig.x.sent).isEmpty();
        SlackApiStub.Call asked = f.requestsPosted().get(0);
        assertThat(asked.json("blocks")).contains("confirmed it is not there");
        String id = ApprovalSlackTest.approvalId(asked);

        assertThat(f.approve(app, id)).contains("and sent");
        assertThat(f.approve(app, id)).contains("Already approved");
        assertThat(f.rig.x.confirmed).containsExactly(postId);
        assertThat(f.rig.x.sent).singleElement().satisfies(s -> assertThat(s.text())
                .isEqualTo("@jo_bristol Sorry, here it is again."));
    }

    @Test
    void aConfirmedResendReturnedByTheLeadLeavesTheInDoubtGuardUp() throws Exception {
        App app = f.replica(n -> n);
        f.open("905");
        f.rig.x.inDoubt.add(f.rig.work.find("twitter:905").orElseThrow().postId());
        slash(app, "905 --confirm @jo_bristol Sorry again.", AGENT);
        String id = ApprovalSlackTest.approvalId(f.requestsPosted().get(0));
        app.run(f.requests.viewSubmission("approval_reject_modal", id,
                "{\"approval\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"Check the thread first.\"}}}",
                LEAD));
        long deadline = System.currentTimeMillis() + 5_000;
        while (f.rig.events.stream().noneMatch(e -> e instanceof io.socialbot.casework.CaseEvent.ApprovalDecided)
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(f.rig.events).anyMatch(e -> e instanceof io.socialbot.casework.CaseEvent.ApprovalDecided);
        assertThat(f.rig.x.confirmed).isEmpty();
        assertThat(f.rig.x.sent).isEmpty();

        assertThat(slash(app, "905 --confirm @jo_bristol Sorry again.", LEAD)).as("a lead's own reply is not held")
                .startsWith("Reply sent");
        assertThat(f.rig.x.confirmed).hasSize(1);
        assertThat(f.rig.x.sent).hasSize(1);
    }

    @Test
    void aConfirmedResendWhoseDoubtWasSettledWhileItWaitedIsNotSent() throws Exception {
        App app = f.replica(n -> n);
        String postId = inDoubt("906");
        String id = confirmedRequest(app, "906 --confirm @jo_bristol Sorry, here it is again.");
        f.rig.x.inDoubt.remove(postId); // meanwhile the bot found the earlier reply live on X

        assertThat(f.approve(app, id)).contains("but not sent", "settled while it waited");
        assertThat(f.rig.x.sent).as("no second answer to the customer").isEmpty();
        assertThat(f.rig.work.find("twitter:906").orElseThrow().draft()).isEqualTo("@jo_bristol Sorry, here it is again.");
    }

    @Test
    void aConfirmWithNothingInDoubtIsNotCarriedSoApprovingSends() throws Exception {
        App app = f.replica(n -> n);
        f.open("907");
        slash(app, "907 --confirm @jo_bristol Hello again.", AGENT);
        SlackApiStub.Call asked = f.requestsPosted().get(0);
        assertThat(asked.json("blocks")).doesNotContain("confirmed it is not there");

        assertThat(f.approve(app, ApprovalSlackTest.approvalId(asked))).contains("and sent");
        assertThat(f.rig.x.sent).hasSize(1);
    }

    @Test
    void aConfirmedResendThatWaitsAgainPutsTheGuardBackUpUntilTheNextApprove() throws Exception {
        App app = f.replica(n -> n);
        String postId = inDoubt("908");
        String id = confirmedRequest(app, "908 --confirm @jo_bristol Sorry, once more.");
        f.rig.x.answer = text -> new ReplySender.Failed(ReplySender.FailureKind.RATE_LIMITED, "X is rate limiting us.",
                null);

        assertThat(f.approve(app, id)).contains("not sent");
        assertThat(f.rig.x.withdrawn).as("guard back up while it waits").containsExactly(postId);
        f.rig.x.answer = text -> null;
        assertThat(f.approve(app, id)).contains("and sent");
        assertThat(f.rig.x.confirmed).containsExactly(postId, postId);
        assertThat(f.rig.x.sent).hasSize(1);
    }
}
