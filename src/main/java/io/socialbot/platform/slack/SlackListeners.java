package io.socialbot.platform.slack;

import com.slack.api.bolt.App;

/**
 * Implemented by each capability's Slack adapter (a Spring bean) to add its own slash commands, actions and
 * views to the one Bolt {@link App}; every command it registers must be in {@link #commands()}.
 */
public interface SlackListeners {

    void register(App app);

    /** The slash commands registered, with their leading slash; the manifest drift test reads these. */
    java.util.List<String> commands();
}
