package io.socialbot.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.ReplySender.Failed;
import io.socialbot.casework.ReplySender.FailureKind;
import io.socialbot.casework.ReplySender.ReplyOutcome;
import io.socialbot.casework.ReplySender.Sent;
import io.socialbot.casework.ReplySender.Unknown;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sending a reply exactly once: retries with one key, a dropped connection, a lost answer and what follows it. */
public class XReplySenderTest extends XReplySenderFixture {

    @Test
    void postsAReplyAndARetryWithTheSameKeyReturnsTheRecordedPost() {
        stub.enqueue(XApiStub.TWEETS, created(9001, "@alice sorry, fixing it"));
        var sender = sender();

        ReplyOutcome first = sender.send("req-1", "205", "@alice sorry, fixing it");
        ReplyOutcome again = sender.send("req-1", "205", "@alice sorry, fixing it");

        assertThat(first).isEqualTo(new Sent("9001", "https://x.com/i/web/status/9001"));
        assertThat(again).isEqualTo(first);
        assertThat(posts()).isEqualTo(1);
        var post = stub.requests("POST", "/2/tweets").get(0);
        assertThat(post.body()).contains("\"in_reply_to_tweet_id\":\"205\"").contains("\"text\":\"@alice sorry, fixing it\"");
        assertThat(post.authorization()).startsWith("OAuth ").contains("oauth_consumer_key=\"key\"")
                .doesNotContain("key-secret");
    }

    @Test
    void aPostTakenThenDroppedReachesXOnceAndTheAgentHearsItMayBeOnX() {
        stub.enqueue(XApiStub.TWEETS, XApiStub.Answer.dropAfterRead());
        // What a silent second POST would get: a "Reply sent" for what is then a second public reply.
        stub.enqueue(XApiStub.TWEETS, created(9010, "@alice on it"));

        ReplyOutcome outcome = sender().send("req-drop", "205", "@alice on it");

        assertThat(posts()).isEqualTo(1);
        assertThat(outcome).isInstanceOf(Unknown.class);
        assertThat(((Unknown) outcome).agentMessage()).contains("may or may not be on X")
                .contains("Check the thread on X");
        assertThat(pauses).isEmpty();
    }

    static XApiStub.Answer brandTimeline(String... tweets) {
        if (tweets.length == 0) {
            return XApiStub.Answer.json(200, "{\"meta\":{\"result_count\":0}}");
        }
        return XApiStub.Answer.json(200, "{\"data\":[" + String.join(",", tweets) + "],\"meta\":{\"result_count\":"
                + tweets.length + "}}");
    }

    static String brandReply(long id, long inReplyTo) {
        return "{\"id\":\"" + id + "\",\"text\":\"@alice on it\",\"conversation_id\":\"" + inReplyTo + "\","
                + "\"created_at\":\"2026-11-23T02:00:01.000Z\","
                + "\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"" + inReplyTo + "\"}]}";
    }

    @Test
    void aNewReplyAfterALateAnswerAsksFirstAndLooksAtTheBrandsPosts() {
        stub.enqueue(XApiStub.TWEETS, XApiStub.Answer.dropAfterRead());
        var sender = sender();
        assertThat(sender.send("modal-1", "205", "@alice on it")).isInstanceOf(Unknown.class);

        // A new request (another modal, a slash command) on the same post: looked up, not posted.
        stub.enqueue(XApiStub.USER_TWEETS, brandTimeline("{\"id\":\"9050\",\"text\":\"other\","
                + "\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"111\"}]}"));
        var asked = (Failed) sender.send("command-2", "205", "@alice we are on it");
        assertThat(asked.kind()).isEqualTo(FailureKind.IN_DOUBT);
        assertThat(asked.agentMessage()).contains("may or may not be on X").contains("--confirm")
                .contains("not among the brand's recent posts");
        assertThat(posts()).isEqualTo(1);
        var look = stub.requests("GET", "/2/users/1000/tweets").get(0);
        assertThat(look.query()).containsEntry("since_id", "205").containsEntry("exclude", "retweets");
        assertThat(look.query().get("tweet.fields")).contains("referenced_tweets");

        // Later X shows the earlier reply: the agent hears it is live, and still nothing is posted again.
        stub.enqueue(XApiStub.USER_TWEETS, brandTimeline(brandReply(9051, 205)));
        var live = (Failed) sender.send("command-3", "205", "@alice we are on it");
        assertThat(live.kind()).isEqualTo(FailureKind.ALREADY_ON_X);
        assertThat(live.agentMessage()).contains("https://x.com/i/web/status/9051");
        assertThat(posts()).isEqualTo(1);
        assertThat(sender.sendInDoubt("205")).as("found live: nothing left for a --confirm to answer").isFalse();
        // The first request is settled as sent, and the post is no longer in doubt.
        assertThat(sender.send("modal-1", "205", "@alice on it")).isEqualTo(new Sent("9051",
                "https://x.com/i/web/status/9051"));
        stub.enqueue(XApiStub.TWEETS, created(9052, "follow-up"));
        assertThat(sender.send("command-4", "205", "follow-up")).isInstanceOf(Sent.class);
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void aConfirmedResendGoesOutAndADuplicateThenReadsProbablyAlreadyOnX() {
        stub.enqueue(XApiStub.TWEETS, created(9060, "hi").delayed(3000));
        var sender = sender();
        assertThat(sender.send("modal-1", "205", "@alice on it")).isInstanceOf(Unknown.class);
        stub.enqueue(XApiStub.USER_TWEETS, problem(403, "Forbidden", "You are not permitted to perform this action."));
        var asked = (Failed) sender.send("command-2", "205", "@alice on it");
        assertThat(asked.kind()).isEqualTo(FailureKind.IN_DOUBT);
        assertThat(asked.agentMessage()).contains("could not look");
        assertThat(sender.sendInDoubt("205")).isTrue();
        assertThat(sender.sendInDoubt("999")).isFalse();

        assertThat(sender.confirmResend("205")).isTrue();
        // a confirmed send that did not go out (it waits for a lead's next Approve) puts the guard back up
        sender.withdrawConfirmation("205");
        stub.enqueue(XApiStub.USER_TWEETS, problem(403, "Forbidden", "You are not permitted to perform this action."));
        assertThat(((Failed) sender.send("command-3", "205", "@alice on it")).kind()).isEqualTo(FailureKind.IN_DOUBT);
        assertThat(sender.confirmResend("205")).isTrue();
        stub.enqueue(XApiStub.TWEETS, problem(403, "Forbidden",
                "You are not allowed to create a Tweet with duplicate content."));
        var duplicate = (Failed) sender.send("command-2", "205", "@alice on it");
        assertThat(duplicate.kind()).isEqualTo(FailureKind.DUPLICATE);
        assertThat(duplicate.agentMessage()).contains("probably already on X").doesNotContain("reword it before");
        assertThat(posts()).isEqualTo(2);
        assertThat(sender.confirmResend("999")).isFalse();
    }

    @Test
    void everyTwitter4jClientUsesTheSingleSendHttpLayer() {
        var conf = new twitter4j.conf.ConfigurationBuilder().build();
        assertThat(twitter4j.HttpClientFactory.getInstance(conf.getHttpClientConfiguration()))
                .isNotNull();
    }

    @Test
    void aTimeoutIsReportedAsUnknownAndTheRetryDoesNotPostAgain() throws Exception {
        stub.enqueue(XApiStub.TWEETS, created(9002, "hi").delayed(3000));
        stub.enqueue(XApiStub.TWEETS, created(9003, "hi"));
        var sender = sender();

        ReplyOutcome first = sender.send("req-2", "205", "hi");
        clock.advance(Duration.ofMinutes(1));
        ReplyOutcome retry = sender.send("req-2", "205", "hi");

        assertThat(first).isInstanceOf(Unknown.class);
        assertThat(((Unknown) first).agentMessage()).contains("Check the thread on X");
        assertThat(retry).isInstanceOf(Unknown.class);
        assertThat(((Unknown) retry).agentMessage()).contains("02:00 UTC");
        assertThat(posts()).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }
}
