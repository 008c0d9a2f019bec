package io.socialbot.casework.slack;

import io.socialbot.casework.CaseDelivery;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers case posts to Slack (only in a process with a bot token).
 *
 * @param enabled      off in command-line runs (a replay never delivers the bots' posts)
 * @param workers      Slack calls in flight at once, per replica
 * @param readTimeout  how long a Slack call may take before its outcome counts as unknown
 * @param lease        how long a claimed delivery stays this replica's without a heartbeat: the poster renews it every
 *                     third of it while its call is in flight (however long the call), so a killed replica's delivery
 *                     and its channel's post in flight are free again within one lease
 * @param channelPace  one post per channel per this, across replicas (chat.postMessage: about 1 per second per
 *                     channel)
 * @param channelBurst posts a channel may take at once before the pace applies (Slack allows short bursts and
 *                     answers 429 with Retry-After beyond them, which is always honoured)
 * @param updatePace   one chat.update per this for the whole workspace, across replicas: chat.update is Tier 3
 *                     (https://api.slack.com/methods/chat.update, "Rate limits: Tier 3"), and Tier 3 is "50+ per
 *                     minute", per method, app and workspace (https://api.slack.com/docs/rate-limits): 1.2 s
 * @param updateBurst  updates that may go at once before their pace applies
 * @param maxBackoff   the longest wait between two failed attempts
 * @param reportAfter  failed attempts after which the ops channel is told (once per case and kind)
 * @param tick         how often the outbox is looked at (what is due is decided on the injected clock)
 */
@ConfigurationProperties("socialbot.casework.delivery")
record CaseDeliveryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int workers,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("6s") Duration lease,
        @DefaultValue("1s") Duration channelPace,
        @DefaultValue("10") int channelBurst,
        @DefaultValue("1200ms") Duration updatePace,
        @DefaultValue("10") int updateBurst,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("5") int reportAfter,
        @DefaultValue("200ms") Duration tick) {

    CaseDeliveryProperties {
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("socialbot.casework.delivery.lease must be at least 1 s (it is renewed "
                    + "every third of it): " + lease);
        }
    }

    CaseDelivery.Settings settings() {
        return new CaseDelivery.Settings(workers, lease, channelPace, channelBurst, Duration.ofSeconds(1), maxBackoff,
                reportAfter, updatePace, updateBurst);
    }
}
