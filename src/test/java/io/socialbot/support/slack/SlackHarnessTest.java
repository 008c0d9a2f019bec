package io.socialbot.support.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import io.socialbot.platform.slack.SlackListeners;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackHarnessTest {

    private final SlackApiStub stub = new SlackApiStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private final SlackListeners echo = new SlackListeners() {
        @Override
        public void register(App app) {
            app.command("/echo", (req, ctx) -> {
                ctx.say("echo " + req.getPayload().getText());
                return ctx.ack("ok");
            });
        }

        @Override
        public List<String> commands() {
            return List.of("/echo");
        }
    };

    @Test
    void signedCommandReachesTheListenerAndItsWebApiCallIsCaptured() throws Exception {
        App app = TestSlackApps.app(stub, echo);
        var response = app.run(new SignedSlackRequests(stub).slashCommand("/echo", "hi <there>", "U1"));
        assertThat(response.getStatusCode()).isEqualTo(200);
        var post = stub.await("chat.postMessage", 1, Duration.ofSeconds(5)).get(0);
        assertThat(post.param("text")).isEqualTo("echo hi <there>");
    }

    @Test
    void staleOrForgedSignaturesAreRefused() throws Exception {
        App app = TestSlackApps.app(stub, echo);
        var stale = new SignedSlackRequests(SignedSlackRequests.SIGNING_SECRET,
                Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC), stub.responseUrl());
        assertThat(app.run(stale.slashCommand("/echo", "x", "U1")).getStatusCode()).isEqualTo(401);
        var forged = new SignedSlackRequests("wrong-secret", Clock.systemUTC(), stub.responseUrl());
        String body = forged.slashCommandBody("/echo", "x", "U1", "C1");
        assertThat(app.run(new SlashCommandRequest(body, new RequestHeaders(forged.headers(body))))
                .getStatusCode()).isEqualTo(401);
    }
}
