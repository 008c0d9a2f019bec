package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import io.socialbot.casework.CaseEvent;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.FakeReplySender;
import io.socialbot.casework.ReplySender;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.mention.Mention;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.support.slack.TestSlackApps;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.redis.RedisDecisionStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Casework through the real Bolt app: signed requests in, Web API calls captured by a local Slack stand-in. */
class CaseSlackListenersTest {

    static final String AGENT = "U0AGENT";
    static final String OTHER = "U0OTHER";
    static final String LEAD = "U0LEAD";
    static final String STRANGER = "U0NOBODY";

    final DeliveryRig rig = new DeliveryRig();
    final SlackApiStub slack = rig.slack;
    final RedisKeys keys = rig.keys;
    final RedisMentionStore mentions = rig.mentions;
    final RedisDecisionStore decisions = rig.decisions;
    final List<CaseEvent> events = rig.events;
    final FakeReplySender x = rig.x;
    final AccessPolicy access = new AccessPolicy(Set.of(AGENT, OTHER), Set.of(LEAD), Set.of(), false);
    final CaseWork work = rig.work;
    final CaseSlackListeners listeners = new CaseSlackListeners(work, new ReplySuggestions(new PromptTemplates(null)),
            new TwitterTextLength(), access, Optional::empty, Executors.newFixedThreadPool(4));
    final App app = TestSlackApps.app(slack, listeners);
    final SignedSlackRequests requests = new SignedSlackRequests(slack);

    @AfterEach
    void stop() {
        rig.close();
    }

    Mention mention(String id, String text) {
        return new Mention(id, "twitter", Instant.parse("2026-03-02T08:15:00Z"), text,
                new Mention.Author("a" + id, "jo_bristol", "Jo <Bristol>", 67, false),
                "https://twitter.com/jo_bristol/status/" + id, null, null, null, Mention.Metrics.NONE);
    }

    TriageDecision decide(Mention m, List<String> themes, TriageDecision.Sentiment.Label label) {
        TriageDecision d = new TriageDecision(m.key(), m.id(), "en", new TriageDecision.Sentiment(label, -0.7),
                TriageDecision.Priority.P2, List.of("P2: outage (\"no signal\")", "negative -0.70"), themes,
                new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.SINGLE, 1), true, "#care-urgent");
        mentions.accept(m);
        decisions.saveIfAbsent(d);
        work.onDecision(m, d);
        rig.drain();
        return d;
    }

    static String ackText(com.slack.api.bolt.response.Response response) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody()).get("text").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    String responseText(int index) {
        return slack.await("response_url", index + 1, Duration.ofSeconds(5)).get(index).param("text");
    }

    @Test
    void aDecisionIsPostedAsEscapedBlockKitWithButtonsAndTimed() {
        decide(mention("100", "@BrandTel <!channel> <@U123> <https://evil.example|your bank> &lt; still no signal"),
                List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE);
        var post = slack.await("chat.postMessage", 1, Duration.ofSeconds(5)).get(0);
        String blocks = post.json("blocks");
        String text = post.param("text");
        assertThat(post.param("channel")).isEqualTo(slack.workspace().channel("care-urgent"));
        for (String hostile : List.of("<!channel>", "<@U123>", "<https://evil", "Jo <Bristol>")) {
            assertThat(blocks).doesNotContain(hostile);
            assertThat(text).doesNotContain(hostile);
        }
        assertThat(blocks).contains("&lt;!channel&gt;", "&lt;@U123&gt;", "&lt;https://evil.example|your bank&gt;",
                "&amp;lt;", "Jo &lt;Bristol&gt;", "67 followers", "P2: outage", "case_claim", "case_reply",
                "case_resolve", "<https://twitter.com/jo_bristol/status/100|Open original>");
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Received", "Posted");
        assertThat(events.get(1)).isEqualTo(new CaseEvent.Posted("twitter:100", "#care-urgent", rig.clock.instant()));
    }

    @Test
    void aRedeliveredDecisionOpensItsCaseOnceWhateverHappenedBeforeTheCrash() {
        Mention m = mention("120", "@BrandTel no signal in Bath");
        TriageDecision d = new TriageDecision(m.key(), m.id(), "en", null, TriageDecision.Priority.P2, List.of(),
                List.of(), new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.SINGLE, 1), true,
                "#care-urgent");
        mentions.accept(m);
        decisions.saveIfAbsent(d);

        work.onRedelivered(m, d); // the replica died between saving and opening the case
        work.onRedelivered(m, d); // or after: nothing twice
        Mention rt = new Mention("rt120", "twitter", m.createdAt(), "RT: " + m.text(), m.author(), null, null, "120",
                null, null);
        work.onRedelivered(rt, new TriageDecision(rt.key(), rt.id(), "en", null, TriageDecision.Priority.P3,
                List.of(), List.of(), new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.RETWEET, 2), true,
                null));
        rig.drain();

        assertThat(slack.await("chat.postMessage", 1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Received", "Posted");
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    void claimIsExclusiveAndTheLoserIsToldWhoOwnsIt() throws Exception {
        decide(mention("200", "no signal"), List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE);
        var first = app.run(requests.slashCommand("/claim", "200", AGENT));
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(ackText(first)).contains("You own case");
        var second = app.run(requests.slashCommand("/claim", "https://twitter.com/jo_bristol/status/200?s=20", OTHER));
        assertThat(ackText(second)).contains("Already claimed by <@U0AGENT>");
        rig.drain();
        var update = slack.await("chat.update", 1, Duration.ofSeconds(5)).get(0);
        assertThat(update.json("blocks")).contains("Claimed by <@U0AGENT>").doesNotContain("case_claim");
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).contains("Claimed");
    }

    @Test
    void buttonsClaimAndResolve() throws Exception {
        decide(mention("300", "no signal"), List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE);
        app.run(requests.blockAction("case_claim", "twitter:300", AGENT, "C0CARE", "1700000000.000100"));
        assertThat((responseText(0))).contains("You own case");
        app.run(requests.blockAction("case_resolve", "twitter:300", OTHER, "C0CARE", "1700000000.000100"));
        assertThat((responseText(1))).contains("Only its owner <@U0AGENT>");
        app.run(requests.blockAction("case_resolve", "twitter:300", LEAD, "C0CARE", "1700000000.000100"));
        assertThat((responseText(2))).contains("Resolved case");
        assertThat(work.find("twitter:300")).get().extracting(c -> c.status().name()).isEqualTo("RESOLVED");
    }

    @Test
    void replyModalOffersSuggestionsChecksLengthAndSendsOnce() throws Exception {
        decide(mention("400", "I want compensation for today"), List.of("outage", "compensation"),
                TriageDecision.Sentiment.Label.NEGATIVE);
        app.run(requests.blockAction("case_reply", "twitter:400", AGENT, "C0CARE", "1700000000.000100"));
        var open = slack.await("views.open", 1, Duration.ofSeconds(5)).get(0);
        String view = open.param("view");
        assertThat(view).contains("case_reply_modal", "@jo_bristol", "Other suggestions", "twitter:400");

        String tooLong = "Sorry! ".repeat(40) + "https://example.com/a-very-long-status-page-link " + "😀".repeat(10);
        var refused = app.run(requests.viewSubmission("case_reply_modal", "twitter:400",
                "{\"reply\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"" + tooLong + "\"}}}", AGENT));
        assertThat(refused.getBody()).contains("\"response_action\":\"errors\"").contains("the limit is 280");
        assertThat(x.sent).isEmpty();

        String fine = "@jo_bristol So sorry! Engineers are on it: https://status.example.com/a/really/long/link/that/"
                + "counts/as/twenty/three 🙏";
        var ok = app.run(requests.viewSubmission("case_reply_modal", "twitter:400",
                "{\"reply\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"" + fine + "\"}}}", AGENT));
        assertThat(ok.getStatusCode()).isEqualTo(200);
        slack.await("chat.postEphemeral", 1, Duration.ofSeconds(5));
        assertThat(x.sent).hasSize(1);
        assertThat(x.sent.get(0).inReplyTo()).isEqualTo("400");
        // Slack re-sends a submission it did not see acknowledged: same view id and hash, no second reply
        app.run(requests.viewSubmission("case_reply_modal", "twitter:400",
                "{\"reply\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"" + fine + "\"}}}", AGENT));
        slack.await("chat.postEphemeral", 2, Duration.ofSeconds(5));
        assertThat(x.sent).hasSize(1);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsOnlyOnce("Replied");
    }

    @Test
    void slashCommandTextIsDecodedFromSlacksFormatBeforeItIsMeasuredAndSent() throws Exception {
        decide(mention("600", "no signal"), List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE);
        decide(mention("601", "still no signal"), List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE);
        // What Slack sends for "/reply 600 Sorry & thanks <3 see status.example.com"
        app.run(requests.slashCommand("/reply",
                "600 Sorry &amp; thanks &lt;3 see <http://status.example.com|status.example.com>", AGENT));
        assertThat(responseText(0)).startsWith("Reply sent");
        assertThat(x.sent.get(0).text()).isEqualTo("Sorry & thanks <3 see status.example.com");

        // 286 characters as Slack sends them, 278 as typed: measured after decoding, so it goes out.
        app.run(requests.slashCommand("/reply", "601 " + "x".repeat(275) + " &amp;&amp;", AGENT));
        assertThat(responseText(1)).startsWith("Reply sent");
        assertThat(x.sent.get(1).text()).isEqualTo("x".repeat(275) + " &&");
    }

    @Test
    void aConfirmedReplyAfterAnUnclearSendTellsTheSenderBeforeSending() throws Exception {
        decide(mention("700", "no signal"), List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE);
        app.run(requests.slashCommand("/reply", "700 --confirm We are on it", AGENT));
        assertThat(responseText(0)).startsWith("Reply sent");
        assertThat(x.confirmed).containsExactly("700");
        assertThat(x.sent.get(0).text()).isEqualTo("We are on it");
    }

    @Test
    void anXFailureIsShownAndTheTextKept() throws Exception {
        decide(mention("500", "no signal"), List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE);
        x.answer = text -> new ReplySender.Failed(ReplySender.FailureKind.RATE_LIMITED,
                "X is rate-limiting the brand account.", Instant.parse("2026-03-02T09:00:00Z"));
        app.run(requests.slashCommand("/reply", "500 Sorry Jo, we're on it", AGENT));
        assertThat((responseText(0)))
                .contains("Not sent: X is rate-limiting", "2026-03-02T09:00:00Z", "kept");
        assertThat(work.find("twitter:500")).get().extracting(c -> c.draft()).isEqualTo("Sorry Jo, we're on it");
    }

    @Test
    void safetyCasesGetNoTemplate() throws Exception {
        Mention m = mention("600", "my mum's alarm line is dead and she can't call 999");
        decide(m, List.of("emergency"), TriageDecision.Sentiment.Label.NEGATIVE);
        assertThat(listeners.replyModal("twitter:600", work.view("twitter:600"))).contains("Safety case: no template")
                .doesNotContain("initial_value");
    }

    @Test
    void rolesHelpAndUnknownCases() throws Exception {
        decide(mention("700", "no signal"), List.of(), TriageDecision.Sentiment.Label.NEGATIVE);
        var refused = app.run(requests.slashCommand("/claim", "700", STRANGER));
        assertThat(refused.getBody()).contains("needs the agent role");
        assertThat(ackText(app.run(requests.slashCommand("/claim", "", AGENT)))).contains("Casework commands");
        assertThat(ackText(app.run(requests.slashCommand("/claim", "nope", AGENT)))).contains("No case matches");
        assertThat(ackText(app.run(requests.slashCommand("/queue", "", AGENT)))).contains("twitter:700");
        assertThat(ackText(app.run(requests.slashCommand("/claim", "700", AGENT)))).contains("You own case");
        assertThat(ackText(app.run(requests.slashCommand("/mine", "", AGENT)))).contains("Your open cases", "twitter:700");
    }

    @Test
    void theQueueShowsAScreenfulAndSaysHowManyMoreWait() throws Exception {
        for (int i = 0; i < 25; i++) {
            decide(mention("q" + i, "no signal " + i), List.of(), TriageDecision.Sentiment.Label.NEGATIVE);
        }
        String queue = ackText(app.run(requests.slashCommand("/queue", "", AGENT)));

        assertThat(queue).startsWith("*Unclaimed, most urgent first* (20 of 25 waiting)");
        assertThat(queue.lines().filter(l -> l.startsWith("• P2 `twitter:q"))).hasSize(20);
        app.run(requests.slashCommand("/claim", "q0", AGENT));
        assertThat(ackText(app.run(requests.slashCommand("/queue", "", AGENT)))).contains("(20 of 24 waiting)");
    }
}
