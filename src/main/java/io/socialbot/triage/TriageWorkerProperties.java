package io.socialbot.triage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      run the background worker (off for one-shot commands that drive it themselves)
 * @param reclaimAfter how long an entry may stay unacknowledged before another replica takes it over (checked every
 *                     tenth of it, at most every 5 s)
 * @param stopGrace    how long a stopping worker waits for its batch in hand before handing the rest back
 */
@ConfigurationProperties("socialbot.triage.worker")
public record TriageWorkerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration reclaimAfter,
                                     @DefaultValue("15s") Duration stopGrace) {
}
