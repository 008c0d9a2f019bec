package io.socialbot.platform.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one Bolt {@link App}, composed from every capability's {@link SlackListeners}, served at {@code /slack/events}
 * or over Socket Mode. Without a bot token there is no App and the bot runs dry.
 */
@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);
    static final String ENABLED = "!'${socialbot.slack.bot-token:}'.isBlank()";

    /** Says once at start how Slack is reached, or that it is not. */
    @Bean
    SlackHealthIndicator slackHealthIndicator(SlackProperties properties, ObjectProvider<App> app, Clock clock) {
        if (!properties.enabled()) {
            log.info("Slack: no bot token (SLACK_BOT_TOKEN), so nothing is sent to Slack: dry-run, posts are printed");
        } else if (properties.socketMode()) {
            log.info("Slack: Socket Mode, Web API at {}", properties.apiUrl());
        } else {
            log.info("Slack: HTTP at /slack/events, Web API at {}", properties.apiUrl());
        }
        return new SlackHealthIndicator(properties, app, clock);
    }

    @Bean
    io.socialbot.platform.ops.OpsAlerts opsAlerts(SlackProperties properties, ObjectProvider<App> app) {
        return new SlackOpsAlerts(() -> {
            App slack = app.getIfAvailable();
            return slack == null ? null : slack.client();
        }, properties.opsChannel());
    }

    @Bean
    @ConditionalOnExpression(ENABLED)
    App slackApp(SlackProperties properties, ObjectProvider<SlackListeners> listeners, Clock clock) {
        if (!properties.socketMode() && (properties.signingSecret() == null || properties.signingSecret().isBlank())) {
            throw new IllegalStateException("socialbot.slack.signing-secret (SLACK_SIGNING_SECRET) is required to "
                    + "verify Slack's HTTP requests; or switch on socialbot.slack.socket-mode");
        }
        SlackConfig slackConfig = new SlackConfig();
        String apiUrl = properties.apiUrl().endsWith("/") ? properties.apiUrl() : properties.apiUrl() + "/";
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        slackConfig.setPrettyResponseLoggingEnabled(false);
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(properties.botToken())
                .signingSecret(properties.signingSecret() == null ? "" : properties.signingSecret())
                .slack(Slack.getInstance(slackConfig))
                .build();
        config.setRequestVerificationEnabled(false); // replaced below by a constant-time, two-sided check
        App app = new App(config);
        if (!properties.socketMode()) {
            app.use(new SlackRequestVerification(properties.signingSecret(), clock));
        }
        listeners.orderedStream().forEach(l -> l.register(app));
        return app;
    }

    @Bean
    @ConditionalOnExpression(ENABLED + " and !${socialbot.slack.socket-mode:false}")
    @ConditionalOnWebApplication
    ServletRegistrationBean<GuardedSlackAppServlet> slackEvents(App app) {
        return new ServletRegistrationBean<>(new GuardedSlackAppServlet(app), "/slack/events");
    }

    @Bean
    @ConditionalOnExpression(ENABLED + " and ${socialbot.slack.socket-mode:false}")
    SmartLifecycle slackSocketMode(App app, SlackProperties properties) {
        return new SmartLifecycle() {
            private SocketModeApp socket;

            @Override
            public void start() {
                try {
                    socket = new SocketModeApp(properties.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
                    socket.startAsync();
                } catch (Exception e) {
                    throw new IllegalStateException("Socket Mode could not start: " + e.getClass().getSimpleName(), e);
                }
            }

            @Override
            public void stop() {
                if (socket != null) {
                    try {
                        socket.stop();
                    } catch (Exception e) {
                        log.warn("Socket Mode did not stop cleanly: {}", e.getClass().getSimpleName());
                    }
                    socket = null;
                }
            }

            @Override
            public boolean isRunning() {
                return socket != null;
            }
        };
    }
}
