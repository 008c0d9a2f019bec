package io.socialbot.mention.webhook;

import static io.socialbot.support.Mentions.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialbot.mention.MentionJson;
import io.socialbot.mention.MentionStore;
import io.socialbot.support.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookControllerTest {

    static final String SECRET = "webhook-test-secret";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("socialbot.redis.url", TestRedis::url);
        registry.add("socialbot.redis.namespace", () -> "wh" + UUID.randomUUID().toString().substring(0, 6));
        registry.add("socialbot.mention.webhook.secret", () -> SECRET);
        registry.add("socialbot.mention.webhook.max-body", () -> "64KB");
        registry.add("socialbot.mention.webhook.max-items", () -> "50");
        registry.add("socialbot.mention.replay.on-start", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    MentionStore store;

    private final HttpClient http = HttpClient.newHttpClient();
    private final WebhookSignature signer = new WebhookSignature(SECRET, Clock.systemUTC());

    HttpResponse<String> post(String body) throws Exception {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        return post(body, ts, "v1=" + signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> post(String body, String ts, String signature) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/mentions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ts != null) {
            builder.header(WebhookSignature.TIMESTAMP_HEADER, ts);
        }
        if (signature != null) {
            builder.header(WebhookSignature.SIGNATURE_HEADER, signature);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return MentionJson.mapper().readTree(r.body());
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void acceptsOneObjectAndStoresItBeforeAnswering() throws Exception {
        String id = id();
        var r = post(line(id, "@BrandTel no signal", "2026-03-02T08:15:00Z"));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(json(r).get("accepted").get(0).asText()).isEqualTo(id);
        assertThat(store.find("twitter:" + id)).isPresent();
    }

    @Test
    void acceptsAnArrayAndNdjsonAndReDeliveryIsIdempotent() throws Exception {
        String a = id();
        String b = id();
        var array = post("[" + line(a, "one", "2026-03-02T08:15:00Z") + "," + line(b, "two", "2026-03-02T08:16:00Z") + "]");
        assertThat(array.statusCode()).isEqualTo(202);
        assertThat(json(array).get("summary").get("accepted").asInt()).isEqualTo(2);
        String c = id();
        var ndjson = post(line(a, "one", "2026-03-02T08:15:00Z") + "\n\n" + line(c, "three", "2026-03-02T08:17:00Z") + "\n");
        assertThat(ndjson.statusCode()).isEqualTo(202);
        JsonNode body = json(ndjson);
        assertThat(body.get("accepted").toString()).isEqualTo("[\"" + c + "\"]");
        assertThat(body.get("duplicates").toString()).isEqualTo("[\"" + a + "\"]");
        assertThat(body.get("summary").get("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void aBadItemGets400NamingTheFieldAndIndexAndNothingOfTheBatchIsStored() throws Exception {
        String good = id();
        String badDate = "{\"id\":\"" + id() + "\",\"text\":\"x\",\"created_at\":\"soon\",\"author\":{\"handle\":\"h\"}}";
        var r = post("[" + line(good, "fine", "2026-03-02T08:15:00Z") + "," + badDate + "]");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("index").asInt()).isEqualTo(1);
        assertThat(body.get("field").asText()).isEqualTo("created_at");
        assertThat(store.find("twitter:" + good)).isEmpty();

        var nd = post(line(id(), "ok", "2026-03-02T08:15:00Z") + "\n{\"id\":\"z\",\"text\":\"x\",\"created_at\":\"2026-03-02T08:15:00Z\"}");
        assertThat(nd.statusCode()).isEqualTo(400);
        assertThat(json(nd).get("field").asText()).isEqualTo("author.handle");
        assertThat(json(nd).get("line").asInt()).isEqualTo(2);

        assertThat(post("{not json").statusCode()).isEqualTo(400);
        assertThat(post("").statusCode()).isEqualTo(400);
    }

    @Test
    void badMissingOrStaleSignaturesGet401() throws Exception {
        String body = line(id(), "x", "2026-03-02T08:15:00Z");
        String now = String.valueOf(Instant.now().getEpochSecond());
        assertThat(post(body, null, null).statusCode()).isEqualTo(401);
        assertThat(post(body, now, "v1=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        String old = String.valueOf(Instant.now().minusSeconds(400).getEpochSecond());
        assertThat(post(body, old, "v1=" + signer.sign(old, body.getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(401);
        String future = String.valueOf(Instant.now().plusSeconds(400).getEpochSecond());
        assertThat(post(body, future, "v1=" + signer.sign(future, body.getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(401);
        var wrongSecret = new WebhookSignature("other", Clock.systemUTC());
        assertThat(post(body, now, "v1=" + wrongSecret.sign(now, body.getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(401);
    }

    @Test
    void oversizedBodiesAndBatchesGet413() throws Exception {
        String huge = line(id(), "x".repeat(70_000), "2026-03-02T08:15:00Z");
        assertThat(post(huge).statusCode()).isEqualTo(413);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            many.append(line(id(), "x", "2026-03-02T08:15:00Z")).append('\n');
        }
        assertThat(post(many.toString()).statusCode()).isEqualTo(413);
    }
}
