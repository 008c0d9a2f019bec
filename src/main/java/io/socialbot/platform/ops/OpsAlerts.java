package io.socialbot.platform.ops;

/** Tells the people who run the bot about something they must look at (the ops channel, else the log). */
@FunctionalInterface
public interface OpsAlerts {

    /** @param message plain text, already free of secrets */
    void alert(String message);
}
