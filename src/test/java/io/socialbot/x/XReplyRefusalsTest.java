package io.socialbot.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.ReplySender.Failed;
import io.socialbot.casework.ReplySender.FailureKind;
import io.socialbot.casework.ReplySender.Sent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X's refusals and limits as the agent and the admin hear them (duplicates, length, 403 kinds, rate and daily caps). */
class XReplyRefusalsTest extends XReplySenderFixture {

    @Test
    void duplicateContent() {
        stub.enqueue(XApiStub.TWEETS, problem(403, "Forbidden",
                "You are not allowed to create a Tweet with duplicate content."));
        stub.enqueue(XApiStub.TWEETS, created(9004, "reworded"));
        var sender = sender();

        var failed = (Failed) sender.send("req-3", "205", "same again");
        assertThat(failed.kind()).isEqualTo(FailureKind.DUPLICATE);
        assertThat(failed.agentMessage()).contains("reword");
        // Definitely not posted, so the same request may be sent again.
        assertThat(sender.send("req-3", "205", "reworded")).isInstanceOf(Sent.class);
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void overLengthIsCaughtBeforeSendingAndWhenXSaysSo() {
        var sender = sender();
        var local = (Failed) sender.send("req-4", "205", "x".repeat(281));
        assertThat(local.kind()).isEqualTo(FailureKind.TOO_LONG);
        assertThat(local.agentMessage()).contains("281").contains("280");
        assertThat(posts()).isZero();

        stub.enqueue(XApiStub.TWEETS, problem(403, "Forbidden", "Your Tweet text is too long."));
        var remote = (Failed) sender.send("req-5", "205", "short enough for us");
        assertThat(remote.kind()).isEqualTo(FailureKind.TOO_LONG);
    }

    @Test
    void deletedSuspendedOrProtectedTargets() {
        stub.enqueue(XApiStub.TWEETS, problem(403, "Forbidden",
                "You attempted to reply to a Tweet that is deleted or not visible to you."));
        stub.enqueue(XApiStub.TWEETS, problem(403, "Forbidden",
                "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to."));
        stub.enqueue(XApiStub.TWEETS, problem(403, "Forbidden", "User is suspended."));
        var sender = sender();

        for (String key : List.of("d1", "d2", "d3")) {
            var failed = (Failed) sender.send(key, "205", "hello");
            assertThat(failed.kind()).as(key).isEqualTo(FailureKind.TARGET_UNAVAILABLE);
            assertThat(failed.agentMessage()).contains("another way");
        }
    }

    @Test
    void rateLimitedSaysWhenToRetry() {
        long reset = T0.plusSeconds(600).getEpochSecond();
        stub.enqueue(XApiStub.TWEETS, problem(429, "Too Many Requests", "Too Many Requests")
                .withHeaders(XApiStub.rateLimit(100, 0, reset)));

        var failed = (Failed) sender().send("req-6", "205", "hello");

        assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failed.retryAt()).isEqualTo(Instant.ofEpochSecond(reset));
        assertThat(failed.agentMessage()).contains("02:10 UTC");
    }

    @Test
    void theDailyCapGetsItsOwnResetTimeAndEveryReplicaWaitsForIt() {
        long window = T0.plusSeconds(600).getEpochSecond();
        long daily = T0.plus(Duration.ofHours(20)).getEpochSecond(); // Mon 22:00 UTC
        var headers = new java.util.HashMap<>(XApiStub.rateLimit(100, 0, window));
        headers.putAll(XApiStub.dailyCaps(0, daily, 9000, T0.plus(Duration.ofHours(23)).getEpochSecond()));
        stub.enqueue(XApiStub.TWEETS, problem(429, "Too Many Requests", "Too Many Requests").withHeaders(headers));

        var failed = (Failed) sender().send("req-cap", "205", "hello");

        assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failed.retryAt()).isEqualTo(Instant.ofEpochSecond(daily));
        assertThat(failed.agentMessage()).contains("24-hour posting cap of the brand account", "Mon 22:00 UTC")
                .doesNotContain("02:10");
        // Another replica (its own sender, the same Redis), past the 15-minute reset: still no POST before 22:00.
        clock.advance(Duration.ofMinutes(11));
        var other = (Failed) sender().send("req-cap-2", "206", "hello again");
        assertThat(other.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(other.retryAt()).isEqualTo(Instant.ofEpochSecond(daily));
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void aSuccessThatUsesUpTheAppsDailyCapHoldsTheNextSend() {
        long daily = T0.plus(Duration.ofHours(5)).getEpochSecond();
        stub.enqueue(XApiStub.TWEETS, created(9070, "last one").withHeaders(XApiStub.dailyCaps(40,
                T0.plus(Duration.ofHours(20)).getEpochSecond(), 0, daily)));

        assertThat(sender().send("req-last", "205", "last one")).isInstanceOf(Sent.class);
        var held = (Failed) sender().send("req-next", "206", "next");

        assertThat(held.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(held.agentMessage()).contains("24-hour posting cap of the bot's X app", "07:00 UTC");
        assertThat(posts()).isEqualTo(1);
        clock.advance(Duration.ofHours(5));
        stub.enqueue(XApiStub.TWEETS, created(9071, "next"));
        assertThat(sender().send("req-next", "206", "next")).isInstanceOf(Sent.class);
    }

    @Test
    void eachDocumented403KindGetsAMessageThatSaysWhatToDo() {
        stub.enqueue(XApiStub.TWEETS, XApiStub.Answer.json(403, "{\"client_id\":\"123\",\"detail\":\"When "
                + "authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter "
                + "developer App that is attached to a Project.\",\"registration_url\":\"https://developer.x.com/\","
                + "\"title\":\"Client Forbidden\",\"required_enrollment\":\"Appropriate Level of API Access\","
                + "\"reason\":\"client-not-enrolled\",\"type\":\"https://api.twitter.com/2/problems/client-forbidden\"}"));
        stub.enqueue(XApiStub.TWEETS, XApiStub.Answer.json(403, "{\"title\":\"Unsupported Authentication\","
                + "\"detail\":\"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.\","
                + "\"type\":\"https://api.twitter.com/2/problems/unsupported-authentication\",\"status\":403}"));
        stub.enqueue(XApiStub.TWEETS, problem(403, "Forbidden", "You are not permitted to perform this action."));
        stub.enqueue(XApiStub.TWEETS, XApiStub.Answer.json(429, "{\"title\":\"UsageCapExceeded\",\"detail\":"
                + "\"Usage cap exceeded: Monthly product cap\",\"type\":\"https://api.twitter.com/2/problems/"
                + "usage-capped\",\"period\":\"Monthly\",\"scope\":\"Product\",\"status\":429}"));
        stub.enqueue(XApiStub.TWEETS, problem(403, "Forbidden", "Something X has not documented yet."));
        var sender = sender();

        var notEnrolled = (Failed) sender.send("f1", "205", "hello");
        assertThat(notEnrolled.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(notEnrolled.agentMessage()).contains("not attached to a Project", "admin");
        var appOnly = (Failed) sender.send("f2", "205", "hello");
        assertThat(appOnly.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(appOnly.agentMessage()).contains("credentials were refused");
        var notPermitted = (Failed) sender.send("f3", "205", "hello");
        assertThat(notPermitted.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(notPermitted.agentMessage()).contains("not permitted", "read-only").doesNotContain("HTTP 403");
        var capped = (Failed) sender.send("f4", "205", "hello");
        assertThat(capped.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(capped.agentMessage()).contains("usage cap", "Monthly product cap");
        var other = (Failed) sender.send("f5", "205", "hello");
        assertThat(other.kind()).isEqualTo(FailureKind.OTHER);
        assertThat(other.agentMessage()).contains("Something X has not documented yet.");
        assertThat(posts()).isEqualTo(5);
    }

    @Test
    void refusedCredentialsAreForTheAdminAndNeverShowTokens() {
        stub.enqueue(XApiStub.TWEETS, problem(401, "Unauthorized", "Unauthorized"));

        var failed = (Failed) sender().send("req-7", "205", "hello");

        assertThat(failed.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(failed.agentMessage()).contains("admin").doesNotContain("token-secret").doesNotContain("key");
        assertThat(failed.retryAt()).isNull();
    }

    @Test
    void anUnreachableXIsRetriedWithBackoffThenReported() {
        var sender = sender(props("http://127.0.0.1:1/1.1/", "http://127.0.0.1:1/2/"));

        var failed = (Failed) sender.send("req-8", "205", "hello");

        assertThat(failed.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(failed.retryAt()).isAfter(T0);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void badInputIsRefusedClearly() {
        var failed = (Failed) sender().send("req-9", "not-an-id", "hello");
        assertThat(failed.kind()).isEqualTo(FailureKind.OTHER);
        assertThat(failed.agentMessage()).contains("not-an-id");
        assertThat(posts()).isZero();
    }

    @Test
    void theDisabledSenderExplainsThatRepliesAreOff() {
        var failed = (Failed) new DisabledReplySender().send("k", "205", "hello");
        assertThat(failed.kind()).isEqualTo(FailureKind.DISABLED);
        assertThat(failed.agentMessage()).contains("turned off");
    }
}
