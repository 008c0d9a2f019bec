package io.socialbot.prompt.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.prompt.LanguageModel;
import io.socialbot.prompt.LanguageModel.Answered;
import io.socialbot.prompt.LanguageModel.ModelRequest;
import io.socialbot.prompt.LanguageModel.Reason;
import io.socialbot.prompt.LanguageModel.Unavailable;
import io.socialbot.prompt.ModelProperties;
import io.socialbot.support.model.ChatCompletionsStub;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The chat-completions client against a local stand-in speaking the documented JSON. */
@ExtendWith(OutputCaptureExtension.class)
class OpenAiChatModelTest {

    static final String KEY = "sk-test-" + java.util.UUID.randomUUID();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:15:00Z"), ZoneOffset.UTC);

    final ChatCompletionsStub stub = new ChatCompletionsStub();
    final ModelRequest request = new ModelRequest("You draft replies.", "Customer: @jo\n<customer_post>\nno signal\n"
            + "</customer_post>", 300);

    @AfterEach
    void stop() {
        stub.close();
    }

    OpenAiChatModel model(String key, Duration timeout) {
        return new OpenAiChatModel(new ModelProperties(stub.baseUrl(), key, "llama3.1:8b", timeout, 30, 300,
                Duration.ofMinutes(30)), CLOCK);
    }

    @Test
    void sendsTheDocumentedRequestAndReadsTheFirstChoice() {
        stub.requireKey(KEY);
        LanguageModel.ModelAnswer answer = model(KEY, Duration.ofSeconds(5)).complete(request);

        assertThat(answer).isInstanceOf(Answered.class);
        assertThat(((Answered) answer).text()).contains("@jo So sorry").contains("---");
        assertThat(((Answered) answer).cutShort()).isFalse();
        ChatCompletionsStub.Request sent = stub.requests().get(0);
        assertThat(sent.body().path("model").asText()).isEqualTo("llama3.1:8b");
        assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(300);
        assertThat(sent.body().path("stream").asBoolean()).isFalse();
        assertThat(sent.system()).isEqualTo("You draft replies.");
        assertThat(sent.user()).contains("<customer_post>\nno signal");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aDraftCutAtTheTokenLimitIsMarked() {
        stub.enqueue(new ChatCompletionsStub.Content("@jo So sorry, we are", true));
        assertThat(model("", Duration.ofSeconds(5)).complete(request)).isEqualTo(new Answered("@jo So sorry, we are", true));
        assertThat(stub.requests().get(0).header("Authorization")).as("no key, no header").isNull();
    }

    @Test
    void troubleComesBackAsAReasonNeverAnException(CapturedOutput output) throws Exception {
        stub.requireKey(KEY);
        stub.enqueue(new ChatCompletionsStub.Status(500, "server_error", null, null));
        stub.enqueue(new ChatCompletionsStub.Status(429, "requests", "rate_limit_exceeded", 20));
        stub.enqueue(new ChatCompletionsStub.Slow(Duration.ofSeconds(3)));
        stub.enqueue(new ChatCompletionsStub.SlowBody(Duration.ofSeconds(3)));
        stub.enqueue(new ChatCompletionsStub.Garbage());
        OpenAiChatModel model = model(KEY, Duration.ofMillis(800));

        assertThat(model.complete(request)).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.SERVER_ERROR));
        assertThat(model.complete(request)).isEqualTo(new Unavailable(Reason.RATE_LIMITED,
                "429 rate_limit_exceeded requests", CLOCK.instant().plusSeconds(20)));
        assertThat(model.complete(request)).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.TIMEOUT));
        // headers at once, body trickled: the timeout bounds the whole answer, not only its first byte
        long started = System.nanoTime();
        assertThat(model.complete(request)).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        assertThat(model.complete(request)).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.MALFORMED));

        String wrongKey = "sk-wrong-" + java.util.UUID.randomUUID();
        assertThat(model(wrongKey, Duration.ofSeconds(5)).complete(request)).isEqualTo(
                new Unavailable(Reason.REFUSED, "HTTP 401 invalid_api_key invalid_request_error", null));

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        OpenAiChatModel nowhere = new OpenAiChatModel(new ModelProperties("http://127.0.0.1:" + closed + "/v1", KEY,
                "m", Duration.ofSeconds(2), 30, 300, Duration.ofMinutes(30)), CLOCK);
        assertThat(nowhere.complete(request)).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.NETWORK));

        assertThat(output.getAll()).contains("Language model answered with an error")
                .doesNotContain(KEY).doesNotContain(wrongKey).doesNotContain(wrongKey.substring(wrongKey.length() - 4) + ".");
    }

    @Test
    void theSettingsNeverPrintTheKey() {
        ModelProperties properties = new ModelProperties(stub.baseUrl(), KEY, "m", Duration.ofSeconds(1), 30, 300,
                Duration.ofMinutes(30));
        assertThat(properties.toString()).doesNotContain(KEY).contains("apiKey=(set)");
    }
}
