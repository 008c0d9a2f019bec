package io.socialbot.platform.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings. With no {@code botToken} the bot runs dry: nothing goes to Slack and posts are printed.
 *
 * @param botToken      {@code xoxb-...}
 * @param signingSecret verifies HTTP requests from Slack (not needed in Socket Mode)
 * @param appToken      {@code xapp-...}, for Socket Mode
 * @param socketMode    connect out to Slack over a WebSocket instead of taking requests at {@code /slack/events}
 * @param apiUrl        Web API base URL: GovSlack, a corporate proxy, or a local stand-in in tests
 * @param opsChannel    where the bot reports what it could not deliver (empty: log only)
 */
@ConfigurationProperties("socialbot.slack")
public record SlackProperties(
        String botToken,
        String signingSecret,
        String appToken,
        @DefaultValue("false") boolean socketMode,
        @DefaultValue("https://slack.com/api/") String apiUrl,
        String opsChannel) {

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }
}
