package io.socialbot.mention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Ingest settings: the webhook's secret and limits, and the file replayed at start. */
@ConfigurationProperties("socialbot.mention")
public record MentionProperties(@DefaultValue Webhook webhook, @DefaultValue Replay replay) {

    /**
     * @param secret   shared HMAC secret; empty refuses every request (the webhook is never open)
     * @param maxBody  larger bodies get 413
     * @param maxItems more mentions in one request get 413
     */
    public record Webhook(String secret, @DefaultValue("5MB") DataSize maxBody, @DefaultValue("5000") int maxItems) {
    }

    /**
     * @param file    JSON Lines replayed when the bot starts; empty for none
     * @param speed   {@code max}, or a factor on the mentions' own clock such as {@code 60}
     * @param onStart replay {@code file} at start
     */
    public record Replay(String file, @DefaultValue("max") String speed, @DefaultValue("false") boolean onStart) {
    }
}
