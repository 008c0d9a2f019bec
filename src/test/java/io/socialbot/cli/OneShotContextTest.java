package io.socialbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.SocialbotApplication;
import io.socialbot.platform.schedule.RepeatingTask;
import io.socialbot.support.TestRedis;
import io.socialbot.support.slack.SlackApiStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The context every command runs in has no schedule of the bot's own running: no digest, status reply or post. */
class OneShotContextTest {

    /** The schedules a context runs, by bean name, on the shared test Redis in a namespace of its own. */
    static TreeSet<String> runningSchedules(List<String> settings) {
        List<String> args = new ArrayList<>(settings);
        args.add("--socialbot.redis.url=" + TestRedis.url());
        args.add("--socialbot.redis.namespace=one-shot-" + System.nanoTime());
        if (!settings.contains("--socialbot.mention.replay.on-start=false")) {
            args.add("--socialbot.mention.replay.on-start=false"); // a setting given twice would read "false,false"
        }
        SpringApplication app = new SpringApplication(SocialbotApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run(args.toArray(String[]::new))) {
            TreeSet<String> running = new TreeSet<>();
            for (Map.Entry<String, RepeatingTask> task : context.getBeansOfType(RepeatingTask.class).entrySet()) {
                if (task.getValue().isRunning()) {
                    running.add(task.getKey());
                }
            }
            return running;
        }
    }

    /**
     * As an environment gives them (below the command line, as SLACK_BOT_TOKEN is): a bot with a Slack token
     * delivers; a command must not, whatever the environment says.
     */
    static final List<String> ENVIRONMENT = List.of("socialbot.slack.bot-token", "socialbot.slack.signing-secret",
            "socialbot.slack.api-url");

    private final SlackApiStub slack = new SlackApiStub();

    @BeforeEach
    void slackInTheEnvironment() {
        System.setProperty("socialbot.slack.bot-token", "xoxb-test-token");
        System.setProperty("socialbot.slack.signing-secret", "not-used");
        System.setProperty("socialbot.slack.api-url", slack.methodsUrl());
    }

    @AfterEach
    void noSlack() {
        ENVIRONMENT.forEach(System::clearProperty);
        slack.close();
    }

    @Test
    void theBotTicksIncidentsAndDeliversACommandDoesNeither() {
        TreeSet<String> bot = runningSchedules(List.of());
        assertThat(bot).as("the bot itself, for contrast").contains("incidentTicker", "caseDeliveryLoop");
        System.out.println("schedules running in the bot: " + bot);

        TreeSet<String> oneShot = runningSchedules(OneShotContext.SETTINGS);
        System.out.println("schedules running in a command: " + oneShot);
        // the metrics refresh only reads Redis for the gauges
        assertThat(oneShot).containsExactly("statsMetricsRefresh");
    }
}
