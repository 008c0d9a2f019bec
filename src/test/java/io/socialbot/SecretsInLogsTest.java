package io.socialbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.webhook.WebhookSignature;
import io.socialbot.support.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up, refused requests and actuator output never print a token or secret. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTest {

    static final String WEBHOOK_SECRET = "whsec-" + UUID.randomUUID();
    static final String SLACK_TOKEN = "xoxb-" + UUID.randomUUID();
    static final String SIGNING_SECRET = "sign-" + UUID.randomUUID();
    static final String X_SECRET = "xsec-" + UUID.randomUUID();
    static final String PAGE_SECRET = "pagesec-" + UUID.randomUUID();
    static final List<String> SECRETS = List.of(WEBHOOK_SECRET, SLACK_TOKEN, SIGNING_SECRET, X_SECRET, PAGE_SECRET);

    @Test
    void noSecretIsEverLogged(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = SpringApplication.run(SocialbotApplication.class,
                "--server.port=0",
                "--socialbot.redis.url=" + TestRedis.url(),
                "--socialbot.redis.namespace=sl" + UUID.randomUUID().toString().substring(0, 6),
                "--socialbot.mention.replay.on-start=false",
                "--socialbot.mention.webhook.secret=" + WEBHOOK_SECRET,
                "--socialbot.slack.signing-secret=" + SIGNING_SECRET,
                "--socialbot.x.api-secret=" + X_SECRET,
                "--socialbot.x.access-token-secret=" + X_SECRET,
                "--socialbot.incident-page.base-url=https://bot.example.com",
                "--socialbot.incident-page.secret=" + PAGE_SECRET,
                "--logging.level.io.socialbot=DEBUG")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            String ts = String.valueOf(Instant.now().getEpochSecond());
            // refused webhook and Slack requests are logged: the log must say why, without the secret
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/mentions"))
                    .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                    .header(WebhookSignature.SIGNATURE_HEADER, "v1=" + WEBHOOK_SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                    .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", "v0=forged")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("command=%2Fqueue&text=")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // a refused incident-page link is logged with its reason, never with the token it carried
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/incident-page/outage?t=0.1."
                    + PAGE_SECRET)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> env = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            for (String secret : SECRETS) {
                assertThat(env.body()).doesNotContain(secret);
            }
        }
        for (String secret : SECRETS) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }
        assertThat(output.getAll()).contains("refused");
    }
}
