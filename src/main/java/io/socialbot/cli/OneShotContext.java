package io.socialbot.cli;

import io.socialbot.SocialbotApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The bot's Spring context as every command starts it: no web server, and nothing that acts on its own. */
final class OneShotContext {

    /**
     * The commands store or read, nothing else. No triage worker, start-up replay or delivery; Slack and X off
     * whatever the environment says (command-line settings outrank environment variables, and without a token or
     * credentials those adapters are off), so a command never polls X, posts or replies; and no incident ticker, so it
     * never posts a digest or takes a status reply it cannot send.
     */
    static final List<String> SETTINGS = List.of("--socialbot.triage.worker.enabled=false",
            "--socialbot.mention.replay.on-start=false",
            "--socialbot.casework.delivery.enabled=false", // only the bots deliver posts
            "--socialbot.slack.bot-token=", "--socialbot.slack.app-token=", "--socialbot.slack.socket-mode=false",
            "--socialbot.x.api-key=", "--socialbot.x.api-secret=", "--socialbot.x.access-token=",
            "--socialbot.x.access-token-secret=", "--socialbot.x.bearer-token=", "--socialbot.x.brand-user-id=",
            "--socialbot.incident.ticking=false", "--logging.level.root=WARN", "--logging.level.io.socialbot=WARN");

    private OneShotContext() {
    }

    /** The context with {@link #SETTINGS} and the command's own settings after them; the caller closes it. */
    static ConfigurableApplicationContext start(List<String> more) {
        List<String> args = new ArrayList<>(SETTINGS);
        args.addAll(more);
        SpringApplication app = new SpringApplication(SocialbotApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run(args.toArray(String[]::new));
    }
}
