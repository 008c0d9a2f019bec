package io.socialbot.stats.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import io.socialbot.casework.CaseEvent;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.stats.CaseCsv;
import io.socialbot.stats.CaseTimeline;
import io.socialbot.stats.StatsProperties;
import io.socialbot.stats.StatsService;
import io.socialbot.stats.redis.RedisCaseTimelineStore;
import io.socialbot.support.TestRedis;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsSlackListenersTest {

    private static final String MANAGER = "UMGR";
    private static final String LEAD = "ULEAD";
    private static final String AGENT = "UAGENT";
    private static final String STRANGER = "USTRANGER";

    private final SlackApiStub stub = new SlackApiStub();
    private final SignedSlackRequests requests = new SignedSlackRequests(stub);
    private final RedisCaseTimelineStore store = new RedisCaseTimelineStore(TestRedis.client(), TestRedis.freshKeys(),
            java.time.Duration.ofDays(120));
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final StatsSlackListeners listeners = new StatsSlackListeners(
            new StatsService(store, StatsProperties.defaults(), Clock.systemUTC()),
            new AccessPolicy(Set.of(AGENT), Set.of(LEAD), Set.of(MANAGER), false));
    private App app;

    @BeforeEach
    void start() {
        app = io.socialbot.support.slack.TestSlackApps.app(stub, listeners);
        for (int i = 0; i < 25; i++) {
            String key = "twitter:" + i;
            Instant r = now.minus(Duration.ofHours(1 + i * 5L));
            store.on(new CaseEvent.Received(key, Priority.values()[i % 4], i % 5 == 0 ? "storm, north" : null, r));
            store.on(new CaseEvent.Posted(key, "C0CARE", r.plusSeconds(2)));
            if (i % 3 != 0) {
                store.on(new CaseEvent.Claimed(key, i % 2 == 0 ? "U1" : "U2", r.plusSeconds(60 + i)));
                store.on(new CaseEvent.Replied(key, "U1", r.plusSeconds(600 + i * 7L)));
            }
            if (i % 4 == 1) {
                store.on(new CaseEvent.Resolved(key, "U1", r.plusSeconds(900 + i)));
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        listeners.close();
        stub.close();
    }

    @Test
    void anAgentGetsTheTeamReportAfterTheAck() throws Exception {
        var response = app.run(requests.slashCommand("/stats", "7d", AGENT));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("Working out the figures for last 7d");
        String text = responseText(0);
        assertThat(text).contains("Response times: last 7d").contains("(25 cases)").contains("P1").contains("all");
        assertThat(stub.calls("response_url").get(0).body()).contains("\"response_type\":\"ephemeral\"");
    }

    @Test
    void theWaitForALeadsApprovalIsShownWithItsSpread() throws Exception {
        String before = render();
        assertThat(before).doesNotContain("Approval wait");
        for (int i = 1; i <= 3; i++) {
            Instant r = now.minus(Duration.ofHours(1 + i * 5L));
            store.on(new CaseEvent.ApprovalDecided("twitter:" + i, LEAD, r.plusSeconds(100), true,
                    r.plusSeconds(100 + 60L * i)));
        }
        store.on(new CaseEvent.ApprovalDecided("twitter:3", LEAD, now, false, now.plusSeconds(240))); // held twice
        Instant fifth = now.minus(Duration.ofHours(26));
        store.on(new CaseEvent.ApprovalDecided("twitter:5", LEAD, fifth.plusSeconds(100), true,
                fifth.plusSeconds(400)));

        // twitter:1 and :5 are P2 (1 m and 5 m), :2 P3 (2 m), :3 P4 (3 m, then 4 m more); no P1 was held
        assertThat(render()).contains("*Approval wait* (inside the reply time): 4 cases held for a lead, p50/p90 "
                + "2 m/7 m (P2: 2 cases, 1 m/5 m · P3: 1 case, 2 m/2 m · P4: 1 case, 7 m/7 m)");
    }

    @Test
    void slashStatsShowsDurationsExactlyAsTheDigestAndThePageDo() {
        for (Duration d : List.of(Duration.ofSeconds(45), Duration.ofSeconds(725), Duration.ofMinutes(125),
                Duration.ofMinutes(60 * 52 + 10))) {
            assertThat(StatsSlackListeners.fmt(d)).isEqualTo(io.socialbot.stats.Durations.exact(d));
        }
        assertThat(StatsSlackListeners.fmt(Duration.ofSeconds(725))).as("not the old compact 12m").isEqualTo("12 m 05 s");
        assertThat(StatsSlackListeners.fmt(null)).isEqualTo("-");
    }

    private String render() throws Exception {
        int n = stub.calls("response_url").size();
        app.run(requests.slashCommand("/stats", "7d", AGENT));
        return responseText(n);
    }

    @Test
    void perAgentFiguresAndExportsAreRefusedToAgentsAndStrangers() throws Exception {
        for (String text : List.of("agents", "agents 7d", "export", "export 7d")) {
            var response = app.run(requests.slashCommand("/stats", text, AGENT));
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).contains("for managers and leads");
        }
        assertThat(app.run(requests.slashCommand("/stats", "", STRANGER)).getBody())
                .contains("needs the agent role");
        Thread.sleep(200); // give a wrongly started report time to show up
        assertThat(stub.calls("response_url")).isEmpty();
        assertThat(stub.calls("conversations.open")).isEmpty();
    }

    @Test
    void aManagerSeesAgentsWithCasesHandled() throws Exception {
        assertThat(app.run(requests.slashCommand("/stats", "agents 7d", MANAGER)).getStatusCode()).isEqualTo(200);
        String text = responseText(0);
        assertThat(text).contains("Per agent: last 7d").contains("<@U1>: ").contains("<@U2>: ");
        // cases 1..24 not divisible by 3 are claimed: 16, even ones by U1
        assertThat(text).contains("<@U1>: 8 handled").contains("<@U2>: 8 handled");
    }

    @Test
    void badWindowsAndUnknownSubcommandsGetHelp() throws Exception {
        for (String text : List.of("yesterday", "frobnicate now", "since 2026-13-01", "agents lastweek")) {
            var body = app.run(requests.slashCommand("/stats", text, LEAD)).getBody();
            assertThat(body).as(text).contains("/stats agents [window]").contains("since 2026-07-11");
        }
        assertThat(app.run(requests.slashCommand("/stats", "help", AGENT)).getBody())
                .contains("/stats export [window]");
        Thread.sleep(200);
        assertThat(stub.calls("response_url")).isEmpty();
    }

    @Test
    void exportUploadsACsvOfEveryCaseToTheRequestersDm() throws Exception {
        String base = stub.methodsUrl().replace("/api/", "/");
        stub.answer("conversations.open", SlackApiStub.Answer.ok("{\"ok\":true,\"channel\":{\"id\":\"D0LEAD\"}}"));
        stub.answer("files.getUploadURLExternal", SlackApiStub.Answer.ok(
                "{\"ok\":true,\"upload_url\":\"" + base + "upload/F0CSV\",\"file_id\":\"F0CSV\"}"));
        stub.answer("files.completeUploadExternal", SlackApiStub.Answer.ok(
                "{\"ok\":true,\"files\":[{\"id\":\"F0CSV\",\"title\":\"Cases\"}]}"));

        assertThat(app.run(requests.slashCommand("/stats", "export 7d", LEAD)).getBody())
                .contains("Working out the export");
        String text = responseText(0);
        assertThat(text).contains("Sent 25 case(s)");

        assertThat(stub.calls("conversations.open").get(0).param("users")).isEqualTo(LEAD);
        var getUrl = stub.calls("files.getUploadURLExternal").get(0);
        assertThat(getUrl.param("filename")).isEqualTo("cases-last-7d.csv");
        var complete = stub.calls("files.completeUploadExternal").get(0);
        assertThat(complete.param("channel_id")).isEqualTo("D0LEAD");
        assertThat(complete.param("files")).contains("F0CSV");

        String csv = stub.await("upload/F0CSV", 1, Duration.ofSeconds(5)).get(0).body();
        assertThat(Integer.parseInt(getUrl.param("length"))).isEqualTo(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        List<CaseTimeline> uploaded = CaseCsv.read(csv);
        List<CaseTimeline> stored = store.receivedBetween(now.minus(Duration.ofDays(8)), now.plusSeconds(1));
        assertThat(uploaded).hasSize(25).isEqualTo(stored);
        assertThat(uploaded).filteredOn(c -> "storm, north".equals(c.incident())).hasSize(5);
        assertThat(uploaded).filteredOn(c -> c.resolved() != null).isNotEmpty();
    }

    private String responseText(int index) {
        var call = stub.await("response_url", index + 1, Duration.ofSeconds(10)).get(index);
        return JsonParser.parseString(call.body()).getAsJsonObject().get("text").getAsString();
    }
}
