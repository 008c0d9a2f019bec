package io.socialbot.support.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.socialbot.platform.slack.SlackListeners;

/** A real Bolt app wired to a {@link SlackApiStub}, for testing one capability's listeners through {@code app.run}. */
public final class TestSlackApps {

    public static final String BOT_TOKEN = "xoxb-test-token";

    private TestSlackApps() {
    }

    public static Slack slack(SlackApiStub stub) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(stub.methodsUrl());
        return Slack.getInstance(config);
    }

    public static App app(SlackApiStub stub, SlackListeners... listeners) {
        App app = new App(AppConfig.builder()
                .singleTeamBotToken(BOT_TOKEN)
                .signingSecret(SignedSlackRequests.SIGNING_SECRET)
                .slack(slack(stub))
                .build());
        for (SlackListeners l : listeners) {
            l.register(app);
        }
        return app;
    }
}
