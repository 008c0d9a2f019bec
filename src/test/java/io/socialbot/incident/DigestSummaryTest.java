package io.socialbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.redis.RedisDigestCounts;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.incident.redis.RedisSlotClaims;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.ModelProperties;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.prompt.openai.OpenAiChatModel;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import io.socialbot.support.model.ChatCompletionsStub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model's "what changed this hour" line, through the real chat-completions adapter to the local stand-in. */
class DigestSummaryTest {

    private static final String MARK = "Summary (drafted by the model from the figures below)";

    private final RedisKeys keys = TestRedis.freshKeys();
    private final RedisIncidentStore incidents = new RedisIncidentStore(TestRedis.client(), keys);
    private final RedisDigestCounts counts = new RedisDigestCounts(TestRedis.client(), keys, Duration.ofDays(1));
    private final MutableClock clock = new MutableClock(ReplayedIncident.START);
    private final IncidentProperties properties = IncidentProperties.defaults().withDigestSummary(true);
    private final List<Digest> posted = Collections.synchronizedList(new ArrayList<>());
    private final ChatCompletionsStub stub = new ChatCompletionsStub();
    private final PromptTemplates templates = new PromptTemplates(null);

    @BeforeEach
    void start() {
        incidents.start(ReplayedIncident.NAME, "C0INC", "ULEAD", ReplayedIncident.START);
        var listener = new IncidentMentionCounter(incidents, counts, properties);
        new ReplayedIncident(new int[]{10, 20, 30}, new double[]{0.5, 0.5, 0.5}, 3).items
                .forEach(i -> listener.onDecision(i.mention(), i.decision()));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private DigestScheduler replica(String name) {
        var model = new OpenAiChatModel(new ModelProperties(stub.baseUrl(), "sk-test", "llama3.1:8b",
                Duration.ofMillis(400), 30, 400, Duration.ofMinutes(30)), Clock.systemUTC());
        var composer = TestDigests.composer(incidents, counts, new InMemoryCaseTimelineStore(), properties, clock);
        return new DigestScheduler(incidents, new RedisSlotClaims(TestRedis.client(), keys, name), composer,
                (channel, digest) -> posted.add(digest), properties, clock, new DigestSummary(model, templates));
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-03-02T" + hhmm + ":00Z");
    }

    /** The 10:00 digest: 20 relevant mentions after 10 in the hour before. */
    private List<Instant> tickAt1100() {
        clock.set(at("10:00").plusSeconds(5));
        DigestScheduler a = replica("a");
        a.tick();
        clock.set(at("11:00").plusSeconds(5));
        return a.tick();
    }

    @Test
    void aCheckedLineGoesOnTopMarkedAsTheModels() {
        stub.enqueue(new ChatCompletionsStub.Content("The incident's first hour had 10 relevant mentions.", false));
        stub.enqueue(new ChatCompletionsStub.Content("Relevant mentions doubled from 10 to 20 this hour. "
                + "The queue of people waiting for a first answer grew.", false));
        assertThat(tickAt1100()).containsExactly(at("10:00"));
        assertThat(posted).hasSize(2);
        String text = posted.get(1).text();
        assertThat(text).startsWith(":memo: _" + MARK + ":_ Relevant mentions doubled from 10 to 20 this hour.");
        assertThat(text.indexOf(MARK)).isLessThan(text.indexOf("20 relevant mentions"));
        // the model saw the figures only: no customer's words, handle or link
        ChatCompletionsStub.Request request = stub.requests().get(1);
        assertThat(request.system()).contains("at most two plain sentences");
        assertThat(request.user()).contains("\"relevant_mentions\" : 20", "\"previous_window\"")
                .doesNotContain("Still down", "newsdesk", "user", "x.com", "@");
    }

    @Test
    void aModelErrorOrASlowModelLeavesTheLineOutAndTheDigestGoesOut() {
        stub.enqueue(new ChatCompletionsStub.Status(500, "server_error", null, null));
        // the 10:00 slot's model never answers until released (at the end of the test)
        stub.enqueue(new ChatCompletionsStub.Held());
        clock.set(at("10:00").plusSeconds(5));
        DigestScheduler a = replica("a");
        assertThat(a.tick()).containsExactly(at("09:00"));
        clock.set(at("11:00").plusSeconds(5));
        long started = System.nanoTime();
        assertThat(a.tick()).containsExactly(at("10:00"));
        // held for the 400 ms timeout (plus a loaded machine's slack), not the stand-in's 30 s hold
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(posted).hasSize(2).allSatisfy(d -> assertThat(d.text()).doesNotContain(MARK)
                .contains("relevant mentions"));
        // a reader who expects the line is told why it is missing, at the end, below the bot's own figures
        assertThat(posted.get(0).text()).endsWith(":memo: _No summary line this hour: the model answered with an "
                + "error. The figures above are the bot's own._");
        assertThat(posted.get(1).text()).endsWith("the model did not answer in time. The figures above are the bot's own._");
    }

    @Test
    void aRateLimitedModelIsNamedWithWhenItIsAskedAgain() {
        stub.enqueue(new ChatCompletionsStub.Status(429, "rate_limit_exceeded", null, 120));
        clock.set(at("10:00").plusSeconds(5));
        replica("a").tick();
        assertThat(posted).singleElement().satisfies(d -> assertThat(d.text()).doesNotContain(MARK)
                .containsPattern("No summary line this hour: the model is over its rate limit; it is not asked again "
                        + "before \\d\\d:\\d\\d \\S+\\. The figures"));
    }

    @Test
    void aLineWithANumberNotInTheFiguresIsDropped() {
        stub.enqueue(new ChatCompletionsStub.Content("Ten relevant mentions in the first hour.", false));
        stub.enqueue(new ChatCompletionsStub.Content("Relevant mentions rose by 150% to 25 this hour.", false));
        tickAt1100();
        assertThat(posted.get(0).text()).contains(MARK + ":_ Ten relevant mentions in the first hour.");
        assertThat(posted.get(1).text()).doesNotContain(MARK, "150%").contains("20 relevant mentions")
                .contains("No summary line this hour: the model's line did not pass the bot's checks.");
        assertThat(posted.get(0).text()).doesNotContain("No summary line");
    }

    @Test
    void onlyTheReplicaHoldingTheSlotAsksTheModel() {
        clock.set(at("10:00").plusSeconds(5));
        DigestScheduler a = replica("a");
        DigestScheduler b = replica("b");
        var fa = CompletableFuture.runAsync(a::tick);
        var fb = CompletableFuture.runAsync(b::tick);
        fa.join();
        fb.join();
        assertThat(posted).hasSize(1);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void theCheckRefusesMoreThanTwoSentencesLinksHandlesAndNewNumbers() {
        String figures = "{\"relevant_mentions\" : 1200, \"oldest_wait\" : \"12 m 05 s\", \"negative_percent\" : \"40%\"}";
        assertThat(DigestSummary.problem("Mentions hit 1,200. The oldest wait is 12 m 5 s; 40% negative.", figures))
                .isEmpty();
        assertThat(DigestSummary.problem("Mentions hit 1200. It is loud. Very loud.", figures))
                .hasValueSatisfying(p -> assertThat(p).contains("two sentences"));
        assertThat(DigestSummary.problem("Mentions hit 1200, see status.example.com for more.", figures))
                .hasValueSatisfying(p -> assertThat(p).contains("link"));
        assertThat(DigestSummary.problem("Mentions hit 1200, ask @support.", figures))
                .hasValueSatisfying(p -> assertThat(p).contains("handle"));
        assertThat(DigestSummary.problem("Mentions hit 1201.", figures))
                .hasValueSatisfying(p -> assertThat(p).contains("(1201)"));
        assertThat(DigestSummary.problem("", figures)).isPresent();
    }

    @Test
    void offWithoutAModelTheDigestIsUnchanged() {
        var composer = TestDigests.composer(incidents, counts, new InMemoryCaseTimelineStore(), properties, clock);
        clock.set(at("10:00").plusSeconds(5));
        new DigestScheduler(incidents, new RedisSlotClaims(TestRedis.client(), keys, "a"), composer,
                (channel, digest) -> posted.add(digest), properties, clock).tick();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).text()).doesNotContain(MARK);
        assertThat(stub.requests()).isEmpty();
    }
}
