package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import io.socialbot.casework.CaseEvent;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.FakeReplySender;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.casework.redis.RedisCaseStore;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.mention.Mention;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.redis.EmbeddedRedis;
import io.socialbot.platform.redis.RedisClients;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.support.TestRedis;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.support.slack.TestSlackApps;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.redis.RedisDecisionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** What Slack and people see at the edges: long posts, hostile names, failed modals, Redis gone mid-command. */
class CaseSlackEdgeTest {

    static final String AGENT = "U0AGENT";
    final DeliveryRig rig = new DeliveryRig();
    final SlackApiStub slack = rig.slack;
    final AccessPolicy access = new AccessPolicy(Set.of(AGENT), Set.of(), Set.of(), false);
    final CaseSlackListeners listeners = new CaseSlackListeners(rig.work, new ReplySuggestions(new PromptTemplates(null)),
            new TwitterTextLength(), access, Optional::empty, Executors.newFixedThreadPool(2));
    final App app = TestSlackApps.app(slack, listeners);
    final SignedSlackRequests requests = new SignedSlackRequests(slack);

    @AfterEach
    void stop() {
        rig.close();
    }

    static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    Mention mention(String id, String name, String text, boolean verified) {
        return new Mention(id, "twitter", Instant.parse("2026-03-02T08:15:00Z"), text,
                new Mention.Author("a" + id, "jo_bristol", name, 67, verified, verified ? "blue" : null),
                "https://twitter.com/jo_bristol/status/" + id, null, null, null, Mention.Metrics.NONE);
    }

    @Test
    void aTenThousandCharacterMentionFitsThePostAndTheModal() throws Exception {
        String text = ("Day three without signal & <nothing> works 😀 *still*. ").repeat(190).substring(0, 10_000);
        rig.decide(mention("L1", "Jo", text, false), List.of("outage", "compensation"),
                TriageDecision.Sentiment.Label.NEGATIVE);
        rig.drain();

        assertThat(slack.workspace().postsPerCase()).containsEntry("twitter:L1", 1); // Slack took it: no invalid_blocks
        JsonNode quote = slack.workspace().messages().get(0).blocks().get(1).path("text").path("text");
        assertThat(quote.asText().length()).isLessThanOrEqualTo(3_000);
        assertThat(quote.asText()).startsWith("> Day three").endsWith("…").doesNotContain("&a…", "&l…");
        assertThat(quote.asText().codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isEmpty();

        app.run(requests.blockAction("case_reply", "twitter:L1", AGENT, "C0CARE", "1700000000.000100"));
        var open = slack.await("views.open", 1, Duration.ofSeconds(5)).get(0);
        JsonNode view = json(open.param("view"));
        assertThat(view.path("blocks").get(0).path("text").path("text").asText().length()).isLessThanOrEqualTo(3_000);
        assertThat(slack.calls("response_url")).isEmpty(); // the modal opened: nothing to tell the agent
    }

    @Test
    void aFailedReplyWindowTellsTheAgentWhatToDo() throws Exception {
        rig.decide(mention("V1", "Jo", "no signal", false), List.of(), TriageDecision.Sentiment.Label.NEGATIVE);
        slack.enqueue("views.open", SlackApiStub.Answer.error("invalid_arguments"));
        var ack = app.run(requests.blockAction("case_reply", "twitter:V1", AGENT, "C0CARE", "1700000000.000100"));
        assertThat(ack.getStatusCode()).isEqualTo(200);
        String told = slack.await("response_url", 1, Duration.ofSeconds(5)).get(0).param("text");
        assertThat(told).contains("Slack refused the reply window (invalid_arguments)", "/reply twitter:V1");
    }

    @Test
    void hostileNamesAndTextAreShownAsTypedAndCannotFakeTheBotsMarks() throws Exception {
        String name = "*Support* _Team_ \u202Etnuocca\u202C :white_check_mark:";
        rig.decide(mention("H1", name, "~urgent~ `rm` \u202Ereversed\u202C ✅ call me", false), List.of(),
                TriageDecision.Sentiment.Label.NEGATIVE);
        rig.drain();

        JsonNode blocks = slack.workspace().messages().get(0).blocks();
        String head = blocks.get(0).path("text").path("text").asText();
        String quote = blocks.get(1).path("text").path("text").asText();
        assertThat(head + quote).doesNotContain("\u202E", "\u202C", ":white_check_mark:", "*Support*", "_Team_",
                "~urgent~", "`rm`");
        assertThat(head.replace("\u200B", "")).contains("\u2068*Support* _Team_ tnuocca :white_check_mark:\u2069 @");
        assertThat(head).endsWith("67 followers"); // no mark of ours after a name that ends like one
        assertThat(quote.replace("\u200B", "")).isEqualTo("> ~urgent~ `rm` reversed ✅ call me");
    }

    @Test
    void aVerifiedAuthorIsMarkedInWordsNotAnEmojiANameCanCopy() {
        rig.decide(mention("H2", "Jo ✅", "hi", true), List.of(), TriageDecision.Sentiment.Label.NEGATIVE);
        rig.drain();
        String head = slack.workspace().messages().get(0).blocks().get(0).path("text").path("text").asText();
        assertThat(head).endsWith("67 followers · paid X tick").doesNotContain(":white_check_mark:");
    }

    @Test
    void theResolveNoteIsKeptOnTheCaseShownOnThePostAndInTheEvent() throws Exception {
        rig.decide(mention("N1", "Jo", "no signal", false), List.of(), TriageDecision.Sentiment.Label.NEGATIVE);
        var ack = app.run(requests.slashCommand("/resolve", "N1 refund sent *today*", AGENT));
        assertThat(CaseSlackListenersTest.ackText(ack)).contains("note kept");
        rig.drain();

        assertThat(rig.work.find("twitter:N1").orElseThrow().note()).isEqualTo("refund sent *today*");
        assertThat(slack.workspace().messages().get(0).blocks().toString()).contains("Resolved", "Note: refund sent");
        assertThat(rig.events).filteredOn(e -> e instanceof CaseEvent.Resolved).singleElement()
                .extracting(e -> ((CaseEvent.Resolved) e).note()).isEqualTo("refund sent *today*");
    }

    @Test
    void helpTextIsEscapedForSlack() throws Exception {
        String help = CaseSlackListenersTest.ackText(app.run(requests.slashCommand("/claim", "", AGENT)));
        assertThat(help).contains("`/claim &lt;case&gt;`").doesNotContain("<case>");
    }

    @Test
    void slashCommandsAndButtonsAnswerClearlyWhenRedisStops() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start();
        UnifiedJedis client = RedisClients.connect(redis.url(), TestRedis.properties());
        var keys = TestRedis.freshKeys();
        var mentions = new RedisMentionStore(client, keys);
        var decisions = new RedisDecisionStore(client, keys);
        CaseWork work = new CaseWork(new RedisCaseStore(client, keys), mentions, decisions, new FakeReplySender(),
                new TwitterTextLength(), List.of(), Optional::empty, Clock.systemUTC());
        App down = TestSlackApps.app(slack, new CaseSlackListeners(work, null, new TwitterTextLength(), access,
                Optional::empty, Executors.newFixedThreadPool(2)));
        Mention m = mention("R1", "Jo", "no signal", false);
        mentions.accept(m);
        try {
            redis.stop();
            for (String command : List.of("/claim R1", "/release R1", "/resolve R1 done", "/queue", "/mine")) {
                String[] parts = command.split(" ", 2);
                var response = down.run(requests.slashCommand(parts[0], parts.length > 1 ? parts[1] : "", AGENT));
                assertThat(response.getStatusCode()).as(command).isEqualTo(200);
                assertThat(CaseSlackListenersTest.ackText(response)).as(command)
                        .startsWith("Sorry, that failed on our side").contains("try again");
            }
            var button = down.run(requests.blockAction("case_reply", "twitter:R1", AGENT, "C0CARE", "1.2"));
            assertThat(button.getStatusCode()).isEqualTo(200);
            assertThat(slack.await("response_url", 1, Duration.ofSeconds(10)).get(0).param("text"))
                    .contains("could not be opened");
        } finally {
            client.close();
            redis.stop();
        }
    }
}
