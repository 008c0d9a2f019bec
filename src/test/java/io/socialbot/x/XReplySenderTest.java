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
                restBase, v2Base, 100, Duration.ofSeconds(5), Duration.ofMillis(1500), 3, Duration.ofMillis(100));
    }

    XReplySender sender() {
        return sender(props(stub.restBaseUrl(), stub.v2BaseUrl()));
    }

    XReplySender sender(XProperties p) {
        var x = XClients.forPosting(p);
        return new XReplySender(x, new RedisReplyLedger(redis, keys, Duration.ofDays(1)),
                new RedisPace(redis, keys.key("x", "posting", "pace")), new XReplyCheck(x, 1000L), clock,
                p.sendRetry(), pauses::add);
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
