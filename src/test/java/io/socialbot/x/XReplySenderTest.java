package io.socialbot.x;

import io.socialbot.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.ReplySender.Failed;
import io.socialbot.casework.ReplySender.FailureKind;
import io.socialbot.casework.ReplySender.ReplyOutcome;
import io.socialbot.casework.ReplySender.Sent;
import io.socialbot.casework.ReplySender.Unknown;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class XReplySenderTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    XApiStub stub;
    UnifiedJedis redis = TestRedis.client();
    RedisKeys keys = TestRedis.freshKeys();
    MutableClock clock = new MutableClock(T0);
    List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        stub = new XApiStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    XProperties props(String restBase, String v2Base) {
        return new XProperties("key", "key-secret", "token", "token-secret", null, "1000", Duration.ofSeconds(1),
                restBase, v2Base, 100, Duration.ofSeconds(5), Duration.ofMillis(400), 3, Duration.ofMillis(100));
    }

    XReplySender sender() {
        return sender(props(stub.restBaseUrl(), stub.v2BaseUrl()));
    }

    XReplySender sender(XProperties p) {
        return new XReplySender(XClients.forPosting(p), new RedisReplyLedger(redis, keys, Duration.ofDays(1)), clock,
                p.sendAttempts(), p.sendBackoff(), pauses::add);
    }

    static XApiStub.Answer created(long id, String text) {
        return XApiStub.Answer.json(201, "{\"data\":{\"id\":\"" + id + "\",\"text\":\"" + text + "\","
                + "\"edit_history_tweet_ids\":[\"" + id + "\"]}}");
    }

    static XApiStub.Answer problem(int status, String title, String detail) {
        return XApiStub.Answer.json(status, "{\"title\":\"" + title + "\",\"type\":\"about:blank\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}");
    }

    int posts() {
        return stub.requests("POST", "/2/tweets").size();
    }

    @Test
    void postsAReplyAndARetryWithTheSameKeyReturnsTheRecordedPost() {
        stub.enqueue(XApiStub.TWEETS, created(9001, "@alice sorry, fixing it"));
        var sender = sender();

        ReplyOutcome first = sender.send("req-1", "205", "@alice sorry, fixing it");
        ReplyOutcome again = sender.send("req-1", "205", "@alice sorry, fixing it");

        assertThat(first).isEqualTo(new Sent("9001", "https://twitter.com/i/web/status/9001"));
        assertThat(again).isEqualTo(first);
        assertThat(posts()).isEqualTo(1);
        var post = stub.requests("POST", "/2/tweets").get(0);
        assertThat(post.body()).contains("\"in_reply_to_tweet_id\":\"205\"").contains("\"text\":\"@alice sorry, fixing it\"");
        assertThat(post.authorization()).startsWith("OAuth ").contains("oauth_consumer_key=\"key\"")
                .doesNotContain("key-secret");
    }

    @Test
    void aTimeoutIsReportedAsUnknownAndTheRetryDoesNotPostAgain() throws Exception {
        stub.enqueue(XApiStub.TWEETS, created(9002, "hi").delayed(1200));
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
