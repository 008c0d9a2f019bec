package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.App;
import io.socialbot.casework.CaseSentimentLabels;
import io.socialbot.mention.Mention;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.support.slack.TestSlackApps;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import io.socialbot.triage.redis.RedisSentimentLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sentiment menu on a case post, through the real Bolt app: posted within Slack's limits, chosen, kept. */
class SentimentLabelSlackTest {

    static final String AGENT = "U0AGENT";
    static final String OTHER = "U0OTHER";
    static final String STRANGER = "U0NOBODY";

    final DeliveryRig rig = new DeliveryRig();
    final SlackApiStub slack = rig.slack;
    final RedisSentimentLabels labels = new RedisSentimentLabels(rig.redis.client(), rig.keys);
    final ExecutorService executor = Executors.newFixedThreadPool(2);
    final App app = TestSlackApps.app(slack, new SentimentLabelSlackListeners(
            new CaseSentimentLabels(rig.work, labels, rig.clock),
            new AccessPolicy(Set.of(AGENT, OTHER), Set.of(), Set.of(), false), executor));
    final SignedSlackRequests requests = new SignedSlackRequests(slack);

    @AfterEach
    void stop() {
        executor.shutdownNow();
        rig.close();
    }

    Mention mention(String id, String text) {
        return new Mention(id, "twitter", Instant.parse("2026-03-02T08:15:00Z"), text,
                new Mention.Author("a" + id, "jo_bristol", "Jo", 67, false),
                "https://twitter.com/jo_bristol/status/" + id, null, null, null, Mention.Metrics.NONE);
    }

    /** Triage's decision for the mention, with the case opened and posted. */
    void posted(Mention m, Label label) {
        TriageDecision d = new TriageDecision(m.key(), m.id(), "en", new TriageDecision.Sentiment(label, -0.42),
                TriageDecision.Priority.P2, List.of("P2: outage"), List.of("outage"),
                new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.SINGLE, 1), true, "#care-urgent");
        rig.mentions.accept(m);
        rig.decisions.saveIfAbsent(d);
        rig.work.onDecision(m, d);
        rig.drain();
    }

    String answer(int index) {
        return slack.await("response_url", index + 1, Duration.ofSeconds(5)).get(index).param("text");
    }

    @Test
    void thePostOffersTheThreeLabelsWithTriagesOwnMarked() {
        posted(mention("100", "no signal since 6am"), Label.NEGATIVE);
        var post = slack.await("chat.postMessage", 1, Duration.ofSeconds(5)).get(0);
        assertThat(post.json("blocks")).contains("\"action_id\":\"case_sentiment\"", "Label sentiment",
                "Negative (as triaged)", "\"Neutral\"", "\"Positive\"", "negative:twitter:100",
                "neutral:twitter:100", "positive:twitter:100", "case_claim");
        // the stand-in refuses over-limit Block Kit with invalid_blocks: Posted is recorded only when Slack took it
        assertThat(rig.events).extracting(e -> e.getClass().getSimpleName()).contains("Posted");
    }

    @Test
    void anAgentsLabelIsKeptWithTheTextAsItArrivedAndTheLatestWins() throws Exception {
        String typed = "@BrandTel <@U123> &amp; \"is it down\"\nfor everyone? \u202Eright-to-left";
        posted(mention("101", typed), Label.NEGATIVE);

        assertThat(app.run(requests.selectAction("case_sentiment", "neutral:twitter:101", AGENT, "C0CARE",
                "1700000000.000100", "1772439300.123456")).getStatusCode()).isEqualTo(200);
        assertThat(answer(0)).contains("case `twitter:101` labelled *neutral* (triage read it as negative)");
        // kept at Slack's time of the choice, the same whichever replica handled it
        assertThat(labels.all()).singleElement().isEqualTo(new SentimentLabel("twitter:101", typed, "en",
                Label.NEGATIVE, -0.42, Label.NEUTRAL, AGENT, Instant.parse("2026-03-02T08:15:00.123456Z")));

        // the post shows it to everyone, the menu with it selected: nobody labels it again unknowing
        rig.drain();
        String update = slack.await("chat.update", 1, Duration.ofSeconds(5)).get(0).json("blocks");
        assertThat(update).contains("Sentiment: negative -0.42 (<@U0AGENT> labelled it neutral)",
                "\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"Neutral\"},\"value\":"
                        + "\"neutral:twitter:101\"}");

        app.run(requests.selectAction("case_sentiment", "negative:twitter:101", AGENT, "C0CARE", "1700000000.000100",
                "1772439480.5"));
        assertThat(answer(1)).contains("labelled *negative*, as triage read it.");
        assertThat(labels.all()).singleElement().satisfies(l -> {
            assertThat(l.label()).isEqualTo(Label.NEGATIVE);
            assertThat(l.agreed()).isTrue();
            assertThat(l.at()).isEqualTo(Instant.parse("2026-03-02T08:18:00.5Z"));
        });
    }

    @Test
    void twoChoicesHandledOutOfOrderKeepAndShowTheOneMadeLast() throws Exception {
        posted(mention("104", "is it down for everyone?"), Label.NEGATIVE);
        // two agents a second apart; the later choice reaches the bot (another replica, say) first
        app.run(requests.selectAction("case_sentiment", "positive:twitter:104", AGENT, "C0CARE", "1.1",
                "1772439301.000000"));
        assertThat(answer(0)).contains("labelled *positive*");
        app.run(requests.selectAction("case_sentiment", "neutral:twitter:104", OTHER, "C0CARE", "1.1",
                "1772439300.000000"));
        assertThat(answer(1)).contains("Someone labelled case `twitter:104` after you chose; their label is kept");
        assertThat(labels.all()).singleElement().satisfies(l -> {
            assertThat(l.label()).isEqualTo(Label.POSITIVE);
            assertThat(l.by()).isEqualTo(AGENT);
        });
        assertThat(rig.work.find("twitter:104")).get().satisfies(c -> {
            assertThat(c.label()).isEqualTo(Label.POSITIVE);
            assertThat(c.labelledBy()).isEqualTo(AGENT);
        });
    }

    @Test
    void onlyAgentsLabelAndAnUnknownCaseIsSaidSo() throws Exception {
        posted(mention("102", "no signal"), Label.NEGATIVE);
        app.run(requests.selectAction("case_sentiment", "positive:twitter:102", STRANGER, "C0CARE", "1700000000.1"));
        assertThat(answer(0)).contains("needs the agent role");
        app.run(requests.selectAction("case_sentiment", "positive:twitter:999", AGENT, "C0CARE", "1700000000.1"));
        assertThat(answer(1)).contains("No case matches `twitter:999`");
        assertThat(labels.all()).isEmpty();
    }

    @Test
    void aClearedMenuKeepsNothingAndAForeignValueIsRefused() throws Exception {
        posted(mention("103", "no signal"), Label.NEGATIVE);
        assertThat(app.run(requests.selectAction("case_sentiment", null, AGENT, "C0CARE", "1700000000.1"))
                .getStatusCode()).isEqualTo(200);
        for (String foreign : List.of("angry:twitter:103", "neutral:", "twitter:103", ":twitter:103")) {
            assertThatThrownBy(() -> app.run(requests.selectAction("case_sentiment", foreign, AGENT, "C0CARE",
                    "1700000000.1"))).as(foreign).satisfies(e -> assertThat(rootOf(e))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not a sentiment menu choice"));
        }
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(slack.calls("response_url")).isEmpty();
        assertThat(labels.all()).isEmpty();
    }

    static Throwable rootOf(Throwable e) {
        return e.getCause() == null || e.getCause() == e ? e : rootOf(e.getCause());
    }

    @Test
    void aCaseKeyTooLongForAnOptionValueGetsNoMenuAndItsPostStillGoes() {
        // "twitter:" and 133 digits is 141 characters: "positive:" before it makes 150, Slack's limit
        posted(mention("7".repeat(133), "no signal"), Label.NEGATIVE);
        posted(mention("9".repeat(134), "no signal"), Label.NEGATIVE);
        var posts = slack.await("chat.postMessage", 2, Duration.ofSeconds(5));
        String atTheLimit = posts.stream().filter(p -> p.json("blocks").contains("7777")).findFirst().orElseThrow()
                .json("blocks");
        String over = posts.stream().filter(p -> p.json("blocks").contains("9999")).findFirst().orElseThrow()
                .json("blocks");
        assertThat(atTheLimit).contains("case_sentiment", "positive:twitter:" + "7".repeat(133));
        assertThat(over).contains("case_claim", "case_resolve").doesNotContain("case_sentiment");
        assertThat(rig.events).filteredOn(e -> e.getClass().getSimpleName().equals("Posted")).hasSize(2);
    }
}
