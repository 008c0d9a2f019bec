package io.socialbot.mention.webhook;

import static io.socialbot.support.Mentions.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.MentionProperties;
import io.socialbot.platform.redis.EmbeddedRedis;
import io.socialbot.platform.redis.RedisClients;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.support.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/** With Redis gone the webhook answers 503, never 2xx for a mention it did not store. */
class WebhookUnavailableTest {

    @Test
    void storeDownGives503() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start();
        var client = RedisClients.connect(redis.url(), TestRedis.properties());
        var store = new RedisMentionStore(client, TestRedis.freshKeys());
        var signer = new WebhookSignature("s", Clock.systemUTC());
        var controller = new WebhookController(store, new MentionProperties.Webhook("s", DataSize.ofKilobytes(64), 10),
                Optional.of(signer));
        redis.stop();
        byte[] body = line("1", "x", "2026-03-02T08:15:00Z").getBytes(StandardCharsets.UTF_8);
        var request = new MockHttpServletRequest("POST", "/webhook/mentions");
        request.setContent(body);
        String ts = String.valueOf(Instant.now().getEpochSecond());
        request.addHeader(WebhookSignature.TIMESTAMP_HEADER, ts);
        request.addHeader(WebhookSignature.SIGNATURE_HEADER, "v1=" + signer.sign(ts, body));
        var response = controller.receive(request);
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isNotBlank();
        client.close();
    }
}
