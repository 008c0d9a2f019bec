package io.socialbot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.support.TestRedis;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole app with Slack on: signed requests over real HTTP to /slack/events, Web API calls to a local stub. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackEventsEndpointTest {

    static final SlackApiStub SLACK = new SlackApiStub();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("socialbot.redis.url", TestRedis::url);
        registry.add("socialbot.redis.namespace", () -> "se" + UUID.randomUUID().toString().substring(0, 6));
        registry.add("socialbot.mention.replay.on-start", () -> "false");
        registry.add("socialbot.slack.bot-token", () -> "xoxb-endpoint-test");
        registry.add("socialbot.slack.signing-secret", () -> SignedSlackRequests.SIGNING_SECRET);
        registry.add("socialbot.slack.api-url", SLACK::methodsUrl);
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String body, Map<String, List<String>> headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((k, v) -> builder.header(k, v.get(0)));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void malformedButCorrectlySignedPayloadsNeverGet5xx() throws Exception {
        java.util.Random random = new java.util.Random(42);
        SignedSlackRequests signer = new SignedSlackRequests(SLACK);
        List<String> bodies = new java.util.ArrayList<>(List.of("", "payload=", "payload=%7B", "payload=null",
                "payload=%5B%5D", "command=", "command=%2Fnope&text=x&user_id=U1", "payload=%7B%22type%22%3A42%7D",
                "payload=%7B%22type%22%3A%22block_actions%22%7D", "payload=%7B%22type%22%3A%22view_submission%22%7D",
                "command=%2Fclaim", "command=%2Fclaim&text=" + "x".repeat(20_000) + "&user_id=U1",
                "type=url_verification&challenge=abc", "%ZZ%ZZ", "payload=%7B%22type%22%3A%22block_actions%22%2C"
                        + "%22actions%22%3A%5B%7B%22action_id%22%3A%22case_claim%22%7D%5D%7D"));
        String good = signer.slashCommandBody("/claim", "123", "U0FUZZ", "C0CARE");
        for (int i = 0; i < 1_000; i++) {
            char[] chars = good.toCharArray();
            for (int k = 0; k < 1 + random.nextInt(5); k++) {
                chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
            }
            bodies.add(new String(chars));
        }
        int served = 0;
        for (String body : bodies) {
            int status = post(body, signer.headers(body)).statusCode();
            assertThat(status).as("body %s", body.length() > 200 ? body.substring(0, 200) : body).isLessThan(500);
            served++;
        }
        assertThat(served).isEqualTo(bodies.size());
    }

    @Test
    void healthShowsRedisSlackAndX() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        var health = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(health.at("/components/redis/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/slack/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/slack/details/team").asText()).isEqualTo("T0TEST");
        assertThat(health.at("/components/x/details/polling").asText()).isEqualTo("off");
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
    }

    @Test
    void signedCommandsAreAnsweredAndBadSignaturesRefused() throws Exception {
        SignedSlackRequests now = new SignedSlackRequests(SLACK);
        String body = now.slashCommandBody("/queue", "", "U0ANYONE", "C0CARE");
        HttpResponse<String> queue = post(body, now.headers(body));
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("queue");

        String unknown = now.slashCommandBody("/incident", "dance", "U0ANYONE", "C0CARE");
        assertThat(post(unknown, now.headers(unknown)).statusCode()).isEqualTo(200);

        for (Duration skew : List.of(Duration.ofMinutes(-6), Duration.ofMinutes(6))) {
            SignedSlackRequests off = new SignedSlackRequests(SignedSlackRequests.SIGNING_SECRET,
                    Clock.fixed(Instant.now().plus(skew), ZoneOffset.UTC), SLACK.responseUrl());
            assertThat(post(body, off.headers(body)).statusCode()).as("timestamp off by " + skew).isEqualTo(401);
        }
        SignedSlackRequests forged = new SignedSlackRequests("not-the-secret", Clock.systemUTC(), SLACK.responseUrl());
        assertThat(post(body, forged.headers(body)).statusCode()).isEqualTo(401);
        assertThat(post(body, Map.of()).statusCode()).isEqualTo(401);
    }
}
