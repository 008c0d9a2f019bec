package io.socialbot.x;

import static io.socialbot.x.XMentionPollerTest.page;
import static io.socialbot.x.XMentionPollerTest.tweet;
import static io.socialbot.x.XMentionPollerTest.user;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.socialbot.mention.Mention;
import io.socialbot.platform.schedule.TaskSchedulers;
import io.socialbot.triage.DefaultMentionTriage;
import io.socialbot.triage.InMemoryClusterIndex;
import io.socialbot.triage.InMemoryRateGuard;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageFixtures;
import io.socialbot.triage.TriageProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The poller against a stand-in that answers as X API v2 documents it, where the old stub never did. */
class XMentionsAsXServesThemTest extends XTimelineStandIn {

    XApiStub.Answer ok(String body) {
        return XApiStub.Answer.json(200, body)
                .withHeaders(XApiStub.rateLimit(450, 400, T0.plusSeconds(900).getEpochSecond()));
    }

    @Test
    void a429SeenByOneReplicaIsRespectedByTheOther() {
        long reset = T0.plusSeconds(40).getEpochSecond();
        stub.enqueue(XApiStub.MENTIONS, XApiStub.Answer.json(429,
                        "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\","
                                + "\"status\":429}")
                .withHeaders(XApiStub.rateLimit(450, 0, reset)));
        XMentionPoller first = poller();
        assertThat(first.pollOnce()).isInstanceOf(XMentionPoller.Failed.class);
        first.release(); // the lease moves: a redeploy, or the holder dies

        XMentionPoller other = poller();
        clock.advance(Duration.ofSeconds(32));
        assertThat(other.pollOnce()).isEqualTo(new XMentionPoller.BackingOff(Instant.ofEpochSecond(reset),
                "rate limited (429)", 0));
        assertThat(stub.requests("GET", "/2/users/")).hasSize(1);

        clock.advance(Duration.ofSeconds(8));
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(), List.of(), null)));
        assertThat(other.pollOnce()).isInstanceOf(XMentionPoller.Polled.class);
        assertThat(stub.requests("GET", "/2/users/")).hasSize(2);
    }

    @Test
    void theBackoffGoesOnWhereTheLastHolderLeftItAndTheLeaseIsRenewedWhileWaiting() throws Exception {
        String down = "http://127.0.0.1:1/2/";
        XMentionPoller first = poller(down);
        assertThat(((XMentionPoller.Failed) first.pollOnce()).retryAt()).isEqualTo(T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(((XMentionPoller.Failed) first.pollOnce()).retryAt()).isEqualTo(T0.plusSeconds(1 + 2));

        // While it waits, the holder keeps renewing: nobody else takes over and polls early.
        String lease = keys.key("x", "mentions", BRAND, "lease");
        Thread.sleep(1100);
        assertThat(first.pollOnce()).isInstanceOf(XMentionPoller.BackingOff.class);
        assertThat(redis.pttl(lease)).isGreaterThan(4500);
        assertThat(poller(down).pollOnce()).isInstanceOf(XMentionPoller.NotLeader.class);

        first.release();
        XMentionPoller other = poller(down);
        clock.advance(Duration.ofSeconds(1));
        var early = (XMentionPoller.BackingOff) other.pollOnce();
        assertThat(early.until()).isEqualTo(T0.plusSeconds(3));
        assertThat(early.failures()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        // The third failure in a row waits 4 s, not a fresh 1 s.
        assertThat(((XMentionPoller.Failed) other.pollOnce()).retryAt()).isEqualTo(T0.plusSeconds(3 + 4));
    }

    @Test
    void anAnswerWithOnlyErrorsIsAFailureLoggedWithXsWordsAndHealthIsDown() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        ((Logger) LoggerFactory.getLogger(XMentionPoller.class)).addAppender(logged);
        stub.enqueue(XApiStub.MENTIONS, ok("{\"errors\":[{\"value\":\"1000\",\"detail\":\"Could not find user with "
                + "id: [1000].\",\"title\":\"Not Found Error\",\"resource_type\":\"user\",\"parameter\":\"id\","
                + "\"resource_id\":\"1000\",\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}"));
        var scheduler = TaskSchedulers.started(java.time.Clock.systemUTC(), 1);
        var loop = XPollLoop.running(poller(), scheduler, Duration.ofMillis(50));
        try {
            loop.start();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (loop.lastOutcome() == null && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        } finally {
            loop.stop();
            scheduler.shutdown();
            ((Logger) LoggerFactory.getLogger(XMentionPoller.class)).detachAppender(logged);
        }

        var failed = (XMentionPoller.Failed) stub.requests("GET", "/2/users/").stream().findFirst()
                .map(r -> loop.lastOutcome()).orElseThrow();
        assertThat(failed.reason()).contains("Could not find user with id: [1000].", "resource-not-found");
        assertThat(redis.get(keys.key("x", "mentions", BRAND, "since_id"))).isNull();
        assertThat(logged.list).anyMatch(e -> e.getFormattedMessage().contains("Could not find user with id"));
        var health = new XHealthIndicator(loop).health();
        assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
        assertThat(String.valueOf(health.getDetails().get("reason"))).contains("Could not find user");
    }

    static final String BLUE = "{\"id\":\"7\",\"name\":\"Blue\",\"username\":\"bluetick\",\"verified\":true,"
            + "\"verified_type\":\"blue\",\"public_metrics\":{\"followers_count\":2,\"following_count\":1,"
            + "\"tweet_count\":2,\"listed_count\":0}}";
    static final String BUSINESS = "{\"id\":\"8\",\"name\":\"Biz\",\"username\":\"bigco\",\"verified\":true,"
            + "\"verified_type\":\"business\",\"public_metrics\":{\"followers_count\":2,\"following_count\":1,"
            + "\"tweet_count\":2,\"listed_count\":0}}";

    List<Mention> pollBlueAndBusiness() {
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(tweet(602, 7, "@BrandTel ???", null, null),
                tweet(601, 8, "@BrandTel our office lines are down, please call us", null, null)),
                List.of(BLUE, BUSINESS), null)));
        assertThat(poller().pollOnce()).isInstanceOf(XMentionPoller.Polled.class);
        return List.of(store.find("twitter:602").orElseThrow(), store.find("twitter:601").orElseThrow());
    }

    @Test
    void verifiedTypeIsRequestedAndOnlyAnOrganisationsTickIsOfficial() {
        List<Mention> polled = pollBlueAndBusiness();

        assertThat(stub.requests("GET", "/2/users/").get(0).query().get("user.fields")).contains("verified_type");
        assertThat(polled.get(0).author().verifiedType()).isEqualTo("blue");
        assertThat(polled.get(0).author().verified()).isTrue();
        assertThat(polled.get(0).author().officiallyVerified()).isFalse();
        assertThat(polled.get(1).author().verifiedType()).isEqualTo("business");
        assertThat(polled.get(1).author().officiallyVerified()).isTrue();
    }

    @Test
    void aPaidTickWithTwoFollowersIsNotP1WhileABusinessTickIs() {
        List<Mention> polled = pollBlueAndBusiness();

        TriageProperties settings = TriageFixtures.shippedSettings();
        var triage = new DefaultMentionTriage(settings, TriageFixtures.languages(), TriageFixtures.sentiments(),
                new InMemoryClusterIndex(), new InMemoryRateGuard(clock, new TriageProperties.RateGuard(1.0, 1000)));
        TriageDecision paid = triage.triage(polled.get(0));
        TriageDecision organisation = triage.triage(polled.get(1));
        assertThat(paid.priority()).isNotEqualTo(TriageDecision.Priority.P1);
        assertThat(paid.postedTo()).isNotEqualTo(settings.routing().influencers());
        assertThat(organisation.priority()).isEqualTo(TriageDecision.Priority.P1);
        assertThat(organisation.postedTo()).isEqualTo(settings.routing().influencers());
    }

    @Test
    void aLongPostArrivesWithItsFullNoteTweetText() {
        String full = ("@brand my fibre has dropped every evening this week between 7 and 10pm, I have restarted "
                + "the router, changed the cable and called twice. ").repeat(3).strip();
        full = full.substring(0, 400);
        String truncated = full.substring(0, 270) + "…";
        String post = tweet(701, 7, truncated, null, null)
                .replaceFirst("}$", ",\"note_tweet\":{\"text\":\"" + full + "\"}}");
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(post), List.of(user(7, "alice", 10, false)), null)));

        poller().pollOnce();

        assertThat(stub.requests("GET", "/2/users/").get(0).query().get("tweet.fields")).contains("note_tweet");
        assertThat(store.find("twitter:701").orElseThrow().text()).hasSize(400).isEqualTo(full);
    }

    @Test
    void aRetweetCarriesTheOriginalsFullTextFromIncludesTweets() {
        String original = "Three days without broadband and @brand keeps closing my ticket. Anyone else in Leeds? "
                + "This is the fourth outage this month and nobody calls back.";
        String retweet = tweet(801, 7, "RT @carol: Three days without broadband and @brand keeps closing my "
                + "ticket. Anyone else in…", "retweeted", 150L);
        String body = page(List.of(retweet), List.of(user(7, "alice", 10, false)), null)
                .replace("\"includes\":{", "\"includes\":{\"tweets\":[{\"id\":\"150\",\"text\":\"" + original
                        + "\",\"author_id\":\"9\"}],");
        stub.enqueue(XApiStub.MENTIONS, ok(body));

        poller().pollOnce();

        Mention m = store.find("twitter:801").orElseThrow();
        assertThat(m.text()).isEqualTo("RT @carol: " + original);
        assertThat(m.retweetOf()).isEqualTo("150");
    }

    @Test
    void mentionsInAreCountedOnTheXChannel() {
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(tweet(902, 7, "a", null, null), tweet(901, 7, "b", null,
                null)), List.of(user(7, "alice", 1, false)), null)));
        XMentionPoller poller = poller();
        poller.pollOnce();
        redis.del(keys.key("x", "mentions", BRAND, "since_id"));
        stub.enqueue(XApiStub.MENTIONS, ok(page(List.of(tweet(902, 7, "a", null, null)),
                List.of(user(7, "alice", 1, false)), null)));
        clock.advance(Duration.ofSeconds(2));
        poller.pollOnce();

        assertThat(meters.counter("socialbot.mentions.in", "channel", "x", "result", "accepted").count())
                .isEqualTo(2.0);
        assertThat(meters.counter("socialbot.mentions.in", "channel", "x", "result", "duplicate").count())
                .isEqualTo(1.0);
    }
}
