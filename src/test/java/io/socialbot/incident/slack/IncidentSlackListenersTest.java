package io.socialbot.incident.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import io.socialbot.casework.CaseEvent;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.incident.TestDigests;
import io.socialbot.incident.UpdateFit;
import io.socialbot.incident.IncidentCommands;
import io.socialbot.incident.IncidentMentionCounter;
import io.socialbot.incident.IncidentProperties;
import io.socialbot.incident.InMemoryCaseReplies;
import io.socialbot.incident.InMemoryDecisionStore;
import io.socialbot.support.MutableClock;
import io.socialbot.incident.UpdateBroadcast;
import io.socialbot.incident.chart.XChartDigestChart;
import io.socialbot.incident.redis.RedisBroadcastQueue;
import io.socialbot.incident.redis.RedisDigestCounts;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.mention.Mention;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.support.TestRedis;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.support.slack.TestSlackApps;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /incident} and {@code /digest} through signed requests into a real Bolt app talking to a local Slack stub. */
class IncidentSlackListenersTest {

    static final Instant START = Instant.parse("2026-03-02T09:20:00Z");
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(10);

    private final SlackApiStub stub = new SlackApiStub();
    private final SignedSlackRequests requests = new SignedSlackRequests(stub);
    private final RedisKeys keys = TestRedis.freshKeys();
    private final RedisIncidentStore incidents = new RedisIncidentStore(TestRedis.client(), keys);
    private final RedisDigestCounts counts = new RedisDigestCounts(TestRedis.client(), keys, Duration.ofDays(1));
    private final InMemoryCaseTimelineStore cases = new InMemoryCaseTimelineStore();
    private final InMemoryDecisionStore decisions = new InMemoryDecisionStore();
    private final InMemoryCaseReplies replies = new InMemoryCaseReplies();
    private final MutableClock clock = new MutableClock(NOW);
    private final IncidentProperties properties = IncidentProperties.defaults();
    private final AccessPolicy access = new AccessPolicy(Set.of("UAGENT"), Set.of("ULEAD"), Set.of(), false);
    private final ExecutorService work = Executors.newFixedThreadPool(2);
    private App app;

    @BeforeEach
    void app() {
        var composer = TestDigests.composer(incidents, counts, cases, properties, clock);
        var publisher = new SlackDigestPublisher(() -> TestSlackApps.slack(stub).methods(TestSlackApps.BOT_TOKEN),
                new XChartDigestChart(600, 300));
        var broadcast = new UpdateBroadcast(incidents, cases, decisions, replies,
                new RedisBroadcastQueue(TestRedis.client(), keys), new PromptTemplates(null), properties, clock);
        app = TestSlackApps.app(stub, new IncidentSlackListeners(new IncidentCommands(incidents, access,
                new UpdateFit(new PromptTemplates(null), new TwitterTextLength()), properties, clock), incidents,
                composer, publisher, broadcast, access, properties, clock, work));
        stub.answer("files.getUploadURLExternal", SlackApiStub.Answer.ok("{\"ok\":true,\"upload_url\":\""
                + stub.methodsUrl().replace("/api/", "/upload") + "\",\"file_id\":\"F0CHART\"}"));
        stub.answer("files.completeUploadExternal", SlackApiStub.Answer.ok(
                "{\"ok\":true,\"files\":[{\"id\":\"F0CHART\",\"title\":\"chart\"}]}"));
    }

    @AfterEach
    void stop() {
        work.shutdownNow();
        stub.close();
    }

    /** 5 mentions at 09:30, 20 at 10:30, 8 at 11:30, each by a different author. */
    private void incidentWithMentions() {
        incidents.start("outage", "C0INC", "ULEAD", START);
        var counter = new IncidentMentionCounter(incidents, counts, properties);
        int n = 0;
        for (var hour : List.of(List.of("09:30", 5), List.of("10:30", 20), List.of("11:30", 8))) {
            for (int i = 0; i < (int) hour.get(1); i++) {
                n++;
                Instant at = Instant.parse("2026-03-02T" + hour.get(0) + ":00Z").plusSeconds(i);
                Mention m = new Mention("m" + n, "x", at, "down again", new Mention.Author("a" + n, "user" + n,
                        "User", 10L * n, false), null, "en", null, null, null);
                counter.onDecision(m, new TriageDecision(m.key(), m.id(), "en",
                        new TriageDecision.Sentiment(Label.NEGATIVE, -0.5), Priority.P2, List.of(),
                        List.of("outage"), new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.SINGLE, 1),
                        true, "C0CARE"));
            }
        }
    }

    private String ephemeralDigest() {
        return stub.await("response_url", 1, WAIT).get(0).body();
    }

    @Test
    void digestOfTheLastHourIsEphemeralAndAckedFirst() throws Exception {
        incidentWithMentions();
        var response = app.run(requests.slashCommand("/digest", "", "UAGENT"));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("Putting the digest of *outage* together");
        String body = ephemeralDigest();
        assertThat(body).contains("\"response_type\":\"ephemeral\"", "2026 11:00–12:00",
                "8 relevant mentions from 8 people", "vs the hours before (20)");
        assertThat(stub.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void digestOfSixHours() throws Exception {
        incidentWithMentions();
        app.run(requests.slashCommand("/digest", "6h", "UAGENT"));
        assertThat(ephemeralDigest()).contains("2026 09:20–12:00", "33 relevant mentions from 33 people");
    }

    @Test
    void digestSinceATimeOfDay() throws Exception {
        incidentWithMentions();
        app.run(requests.slashCommand("/digest", "since 10:00", "UAGENT"));
        assertThat(ephemeralDigest()).contains("2026 10:00–12:00", "28 relevant mentions from 28 people",
                "vs the hours before (5)");
    }

    @Test
    void digestPostGoesToTheChannelWithTheChartInItsThread() throws Exception {
        incidentWithMentions();
        app.run(requests.slashCommand("/digest", "post", "ULEAD", "C0WAR"));
        var post = stub.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(post.param("channel")).isEqualTo("C0WAR");
        assertThat(post.param("text")).contains("8 relevant mentions from 8 people");
        assertThat(ephemeralDigest()).contains("Posted the digest of *outage* here");
        var complete = stub.await("files.completeUploadExternal", 1, WAIT).get(0);
        assertThat(complete.param("channel_id")).isEqualTo("C0WAR");
        assertThat(complete.param("thread_ts")).isEqualTo(stub.workspace().messages().get(0).ts());
        assertThat(complete.param("files")).contains("F0CHART");
        assertThat(stub.calls("upload")).singleElement().satisfies(u -> assertThat(u.body()).contains("PNG"));
        assertThat(stub.calls("files.getUploadURLExternal").get(0).param("filename")).isEqualTo("digest-outage.png");
    }

    @Test
    void badDigestWindowGetsUsageInTheAck() throws Exception {
        incidentWithMentions();
        var response = app.run(requests.slashCommand("/digest", "last tuesday", "UAGENT"));
        assertThat(response.getBody()).contains("Usage");
        Thread.sleep(200);
        assertThat(stub.calls("response_url")).isEmpty();
    }

    @Test
    void onlyLeadsStartIncidentsAndStartIsAnnouncedInTheChannel() throws Exception {
        var refused = app.run(requests.slashCommand("/incident", "start outage", "UAGENT"));
        assertThat(refused.getBody()).contains("needs the lead role");
        assertThat(incidents.current()).isEmpty();
        var started = app.run(requests.slashCommand("/incident", "start outage #war-room", "ULEAD"));
        assertThat(started.getBody()).contains("Started *outage*");
        var announce = stub.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(announce.param("channel")).isEqualTo("war-room");
        assertThat(announce.param("text")).contains("Incident *outage* started by <@ULEAD>");
        var second = app.run(requests.slashCommand("/incident", "start other", "ULEAD"));
        assertThat(second.getBody()).contains("*outage* is already running");
        assertThat(app.run(requests.slashCommand("/incident", "frobnicate", "UAGENT")).getBody())
                .contains("Unknown subcommand", "/incident start");
    }

    @Test
    void tellEveryoneWaitingConfirmsTheCountAndSendsEachCaseOnceWhenConfirmedTwice() throws Exception {
        incidents.start("outage", "C0INC", "ULEAD", START);
        Instant t = NOW.minus(Duration.ofMinutes(30));
        for (String key : List.of("x:1", "x:2", "x:3")) {
            cases.on(new CaseEvent.Received(key, Priority.P2, "outage", t));
        }
        cases.on(new CaseEvent.Received("x:safe", Priority.P1, "outage", t));
        decisions.saveIfAbsent(new TriageDecision("x:safe", "safe", "en", null, Priority.P1, List.of(),
                List.of("safety"), null, true, "C0CARE"));
        cases.on(new CaseEvent.Received("x:done", Priority.P2, "outage", t));
        cases.on(new CaseEvent.Replied("x:done", "UAGENT", t.plusSeconds(60)));

        assertThat(app.run(requests.slashCommand("/incident", "update fixed soon", "UAGENT")).getBody())
                .contains("needs the lead role");
        var ack = app.run(requests.slashCommand("/incident", "update engineers found the fault.", "ULEAD"));
        assertThat(ack.getBody()).contains(IncidentSlackListeners.TELL_WAITING, "outage#1", "Tell everyone waiting");

        var agentClick = app.run(requests.blockAction(IncidentSlackListeners.TELL_WAITING, "outage#1", "UAGENT",
                "C0INC", "1.2"));
        assertThat(agentClick.getStatusCode()).isEqualTo(200);
        assertThat(stub.await("response_url", 1, WAIT).get(0).body()).contains("needs the lead role");
        assertThat(stub.calls("views.open")).isEmpty();

        app.run(requests.blockAction(IncidentSlackListeners.TELL_WAITING, "outage#1", "ULEAD", "C0INC", "1.2"));
        var view = stub.await("views.open", 1, WAIT).get(0).param("view");
        assertThat(view).contains("*3* open, unanswered cases of *outage*", "1 safety cases are left to people",
                IncidentSlackListeners.TELL_WAITING_CONFIRM);

        app.run(requests.viewSubmission(IncidentSlackListeners.TELL_WAITING_CONFIRM, "outage#1|C0INC", "{}",
                "UAGENT"));
        stub.await("chat.postEphemeral", 1, WAIT);
        assertThat(replies.sent()).isEmpty();
        assertThat(app.run(requests.viewSubmission(IncidentSlackListeners.TELL_WAITING_CONFIRM, "outage#1|C0INC",
                "{}", "ULEAD")).getStatusCode()).isEqualTo(200);
        app.run(requests.viewSubmission(IncidentSlackListeners.TELL_WAITING_CONFIRM, "outage#1|C0INC", "{}", "ULEAD"));
        var confirmations = stub.await("chat.postEphemeral", 3, WAIT);
        assertThat(confirmations).extracting(c -> c.param("text"))
                .anySatisfy(s -> assertThat(s).contains("needs the lead role"));
        // the two confirmations run at once on two threads: between them they queue each case exactly once
        int queued = confirmations.stream().map(c -> c.param("text")).filter(m -> m.startsWith("Queued "))
                .mapToInt(m -> Integer.parseInt(m.split(" ")[1])).sum();
        assertThat(queued).isEqualTo(3);
        assertThat(replies.sent()).extracting(InMemoryCaseReplies.Sent::caseKey)
                .containsExactlyInAnyOrder("x:1", "x:2", "x:3");
    }

    @Test
    void aUserInNoRoleGetsNoDigestNoStatusNoListAndAnAgentCannotPostADigest() throws Exception {
        incidentWithMentions();
        for (String[] c : new String[][]{{"/digest", ""}, {"/digest", "post"}, {"/incident", "status"},
                {"/incident", "list"}}) {
            var refused = app.run(requests.slashCommand(c[0], c[1], "UNOBODY", "C0PUBLIC"));
            assertThat(refused.getStatusCode()).isEqualTo(200);
            assertThat(refused.getBody()).as(c[0] + " " + c[1]).contains("needs the agent role")
                    .doesNotContain("outage");
        }
        var agentPost = app.run(requests.slashCommand("/digest", "post", "UAGENT", "C0PUBLIC"));
        assertThat(agentPost.getBody()).contains("needs the lead role", "channel you type it in");
        assertThat(app.run(requests.slashCommand("/incident", "status", "UAGENT")).getBody()).contains("*outage*");
        Thread.sleep(300);
        assertThat(stub.calls("chat.postMessage")).isEmpty();
        assertThat(stub.calls("files.getUploadURLExternal")).isEmpty();
        assertThat(stub.calls("response_url")).isEmpty();
    }

    @Test
    void whenOnlySafetyCasesWaitTheLeadIsToldSoNotThatNobodyWaits() throws Exception {
        incidents.start("outage", "C0INC", "ULEAD", START);
        cases.on(new CaseEvent.Received("x:safe", Priority.P1, "outage", NOW.minus(Duration.ofMinutes(20))));
        decisions.saveIfAbsent(new TriageDecision("x:safe", "safe", "en", null, Priority.P1, List.of(),
                List.of("safety"), null, true, "C0CARE"));
        app.run(requests.slashCommand("/incident", "update engineers found the fault.", "ULEAD"));
        app.run(requests.blockAction(IncidentSlackListeners.TELL_WAITING, "outage#1", "ULEAD", "C0INC", "1.2"));
        assertThat(stub.await("response_url", 1, WAIT).get(0).body())
                .contains("the 1 still waiting is a safety case, which a person must answer")
                .doesNotContain("Nobody is waiting");
        assertThat(stub.calls("views.open")).isEmpty();
    }
}
