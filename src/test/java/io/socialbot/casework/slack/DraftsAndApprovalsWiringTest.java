package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.casework.ReplyApprovals;
import io.socialbot.casework.ReplyDrafts;
import io.socialbot.prompt.LanguageModel;
import io.socialbot.support.TestRedis;
import io.socialbot.support.model.ChatCompletionsStub;
import io.socialbot.support.slack.SlackApiStub;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The bot as it starts: drafts and approvals off by default, on with their settings, refused when misspelled. */
@ExtendWith(OutputCaptureExtension.class)
class DraftsAndApprovalsWiringTest {

    static final String MODEL_KEY = "sk-wiring-" + UUID.randomUUID();

    static ConfigurableApplicationContext start(String... extra) {
        SpringApplication app = new SpringApplication(io.socialbot.SocialbotApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new ArrayList<>(List.of("--socialbot.redis.url=" + TestRedis.url(),
                "--socialbot.redis.namespace=dw" + UUID.randomUUID().toString().substring(0, 6),
                "--socialbot.mention.replay.on-start=false", "--socialbot.triage.worker.enabled=false",
                "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        return app.run(args.toArray(String[]::new));
    }

    @Test
    void offByDefaultOnWithTheirSettingsAndTheKeyNeverLogged(CapturedOutput output) {
        try (ConfigurableApplicationContext off = start()) {
            assertThat(off.getBean(ReplyDrafts.class).enabled()).isFalse();
            assertThat(off.getBeansOfType(LanguageModel.class)).isEmpty();
            assertThat(off.getBeansOfType(ReplyApprovals.class)).isEmpty();
        }
        try (ChatCompletionsStub model = new ChatCompletionsStub(); SlackApiStub slack = new SlackApiStub();
             ConfigurableApplicationContext on = start("--socialbot.model.base-url=" + model.baseUrl(),
                     "--socialbot.model.api-key=" + MODEL_KEY, "--socialbot.model.name=llama3.1:8b",
                     "--socialbot.model.calls-per-minute=5",
                     "--socialbot.slack.bot-token=xoxb-wiring", "--socialbot.slack.signing-secret=s",
                     "--socialbot.slack.api-url=" + slack.methodsUrl(),
                     "--socialbot.approval.enabled=true", "--socialbot.approval.channel=#care-approvals",
                     "--socialbot.approval.trainees=U0TRAINEE", "--socialbot.approval.priorities=P1",
                     "--socialbot.approval.themes=press,legal", "--socialbot.approval.during-incident=true")) {
            assertThat(on.getBean(ReplyDrafts.class).enabled()).isTrue();
            assertThat(on.getBean(ApprovalSlackListeners.class)).isNotNull();
            assertThat(on.getBean(ReplyApprovals.class)).isNotNull();
            model.requireKey("sk-another-key");
            var answer = on.getBean(LanguageModel.class).complete(new LanguageModel.ModelRequest("s", "u", 10));
            assertThat(answer).isInstanceOf(LanguageModel.Unavailable.class);
            assertThat(model.requests().get(0).header("Authorization")).isEqualTo("Bearer " + MODEL_KEY);
        }
        assertThat(output.getAll()).contains("Language model refused the request").doesNotContain(MODEL_KEY)
                .doesNotContain(MODEL_KEY.substring(MODEL_KEY.length() - 4) + ".");
    }

    @Test
    void misspeltOrIncompleteSettingsStopTheStartNamingThem() {
        assertThatThrownBy(() -> start("--socialbot.approval.enabled=true").close())
                .rootCause().hasMessageContaining("socialbot.approval.channel");
        assertThatThrownBy(() -> start("--socialbot.model.base-url=http://127.0.0.1:11434/v1").close())
                .rootCause().hasMessageContaining("socialbot.model.name");
        assertThatThrownBy(() -> start("--socialbot.model.modle=llama3").close())
                .hasStackTraceContaining("socialbot.model.modle");
        assertThatThrownBy(() -> start("--socialbot.approval.trainee=U1").close())
                .hasStackTraceContaining("socialbot.approval.trainee");
    }
}
