package io.socialbot.mention.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialbot.mention.MentionJson;
import io.socialbot.mention.MentionStore;
import io.socialbot.support.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Thousands of malformed bodies: every one gets a 4xx, none a 5xx, and the store keeps exactly what was accepted. */
@SpringBootTest
@AutoConfigureMockMvc
class WebhookFuzzTest {

    static final String SECRET = "fuzz-secret";
    static final String NAMESPACE = "fz" + UUID.randomUUID().toString().substring(0, 6);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("socialbot.redis.url", TestRedis::url);
        registry.add("socialbot.redis.namespace", () -> NAMESPACE);
        registry.add("socialbot.mention.webhook.secret", () -> SECRET);
        registry.add("socialbot.mention.webhook.max-body", () -> "256KB");
        registry.add("socialbot.mention.replay.on-start", () -> "false");
        registry.add("socialbot.triage.worker.enabled", () -> "false");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MentionStore store;

    private final WebhookSignature signer = new WebhookSignature(SECRET, Clock.systemUTC());
    private final Random random = new Random(20261123);

    static final List<String> MUTATIONS = List.of("drop-field", "wrong-type", "truncate", "flip-bytes", "huge-field",
            "garbage", "nesting", "bad-date", "null-required", "array-mix", "valid");

    @Test
    void malformedBodiesGet4xxAndOnlyValidMentionsAreStored() throws Exception {
        Set<String> acceptedIds = new HashSet<>();
        int fourXx = 0;
        for (int i = 0; i < 3_000; i++) {
            String mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
            byte[] body = body(mutation, "f" + i);
            String ts = String.valueOf(Instant.now().getEpochSecond());
            MvcResult result = mvc.perform(post("/webhook/mentions").content(body)
                            .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                            .header(WebhookSignature.SIGNATURE_HEADER, "v1=" + signer.sign(ts, body)))
                    .andReturn();
            int status = result.getResponse().getStatus();
            assertThat(status).as("%s body %s", mutation, new String(body, StandardCharsets.UTF_8))
                    .isIn(202, 400, 413);
            if (status == 202) {
                JsonNode answer = MentionJson.mapper().readTree(result.getResponse().getContentAsString());
                answer.get("accepted").forEach(id -> acceptedIds.add(id.asText()));
            } else {
                fourXx++;
                assertThat(result.getResponse().getContentAsString()).contains("\"error\"");
            }
            if (mutation.equals("valid")) {
                assertThat(status).isEqualTo(202);
            }
        }
        assertThat(fourXx).isGreaterThan(2_000);
        assertThat(store.count()).isEqualTo(acceptedIds.size());
        for (String id : acceptedIds) {
            assertThat(store.find("fuzz:" + id)).as(id).isPresent();
        }
    }

    private byte[] body(String mutation, String id) {
        String valid = "{\"id\":\"" + id + "\",\"source\":\"fuzz\",\"created_at\":\"2026-03-02T08:15:00Z\","
                + "\"text\":\"@BrandTel no signal\",\"author\":{\"handle\":\"h" + id + "\",\"followers\":5}}";
        return switch (mutation) {
            case "drop-field" -> valid.replaceFirst(List.of("\"id\":\"" + id + "\",", "\"created_at\":\"2026-03-02T08:15:00Z\",",
                    "\"text\":\"@BrandTel no signal\",", "\"handle\":\"h" + id + "\",").get(random.nextInt(4)), "")
                    .getBytes(StandardCharsets.UTF_8);
            case "wrong-type" -> valid.replace(List.of("\"@BrandTel no signal\"", "5", "\"2026-03-02T08:15:00Z\"",
                    "\"h" + id + "\"").get(random.nextInt(4)), List.of("[]", "{}", "\"five\"", "-3", "true", "1.5")
                    .get(random.nextInt(6))).getBytes(StandardCharsets.UTF_8);
            case "truncate" -> valid.substring(0, 1 + random.nextInt(valid.length() - 2)).getBytes(StandardCharsets.UTF_8);
            case "flip-bytes" -> {
                byte[] b = valid.getBytes(StandardCharsets.UTF_8);
                for (int k = 0; k < 3; k++) {
                    b[random.nextInt(b.length)] = (byte) (0x80 | random.nextInt(0x80)); // never valid UTF-8 alone
                }
                yield b;
            }
            case "huge-field" -> valid.replace("@BrandTel no signal", "x".repeat(10_001 + random.nextInt(100_000)))
                    .getBytes(StandardCharsets.UTF_8);
            case "garbage" -> {
                byte[] b = new byte[1 + random.nextInt(200)];
                random.nextBytes(b);
                yield b;
            }
            case "nesting" -> ("[".repeat(1 + random.nextInt(3000)) + "]".repeat(random.nextInt(3000)))
                    .getBytes(StandardCharsets.UTF_8);
            case "bad-date" -> valid.replace("2026-03-02T08:15:00Z", List.of("2026-13-02T08:15:00Z", "yesterday",
                    "2026-03-02T08:15:00", "").get(random.nextInt(4))).getBytes(StandardCharsets.UTF_8);
            case "null-required" -> valid.replace("\"" + id + "\"", "null").getBytes(StandardCharsets.UTF_8);
            case "array-mix" -> ("[" + valid + ",42,\"text\",null]").getBytes(StandardCharsets.UTF_8);
            default -> valid.getBytes(StandardCharsets.UTF_8);
        };
    }
}
