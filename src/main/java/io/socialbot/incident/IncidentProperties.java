package io.socialbot.incident;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incidents and digests. {@code zone} reads {@code /digest since 09:00} and aligns the hourly slots: it must be the
 * brand's zone of {@code socialbot.stats.zone} (checked at start), since response times follow that policy.
 * {@code voiceMinFollowers} is the reach from which an author is listed as a voice being heard (press always is);
 * {@code trendMinMentions} the relevant mentions every compared hour needs before the digest reads a trend;
 * {@code replyLimit} per {@code replyWindow} paces "tell everyone waiting" within X's posting limit;
 * {@code digestSummary} adds the model's two-sentence line to the hourly digest (only with {@code socialbot.model});
 * {@code ticking} false leaves out the ticker that posts digests and status replies (the one-shot commands do).
 */
@ConfigurationProperties("socialbot.incident")
public record IncidentProperties(
        @DefaultValue("incident") String channel,
        @DefaultValue("Europe/London") ZoneId zone,
        @DefaultValue Set<String> pressHandles,
        @DefaultValue("5") int topThemes,
        @DefaultValue("5") int topInfluencers,
        @DefaultValue("3") int topClusters,
        @DefaultValue("10000") long voiceMinFollowers,
        @DefaultValue("10") int trendMinMentions,
        @DefaultValue("100") int replyLimit,
        @DefaultValue("15m") Duration replyWindow,
        @DefaultValue("30s") Duration tick,
        @DefaultValue("5m") Duration lateAfter,
        @DefaultValue("10m") Duration claimTtl,
        @DefaultValue("24") int catchUpHours,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("900") int chartWidth,
        @DefaultValue("420") int chartHeight,
        @DefaultValue("false") boolean digestSummary,
        @DefaultValue("true") boolean ticking) {

    public IncidentProperties {
        if (replyLimit < 1 || replyWindow.isZero() || replyWindow.isNegative()) {
            throw new IllegalArgumentException("socialbot.incident.reply-limit and reply-window must be positive");
        }
        if (trendMinMentions < 1 || voiceMinFollowers < 0) {
            throw new IllegalArgumentException("socialbot.incident.trend-min-mentions must be at least 1 and "
                    + "voice-min-followers not negative");
        }
        pressHandles = pressHandles.stream().map(h -> h.replaceFirst("^@", "").toLowerCase())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Defaults, for tests and tools. */
    public static IncidentProperties defaults() {
        return new IncidentProperties("incident", ZoneId.of("Europe/London"), Set.of(), 5, 5, 3, 10_000, 10, 100,
                Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(10), 24,
                Duration.ofDays(30), 900, 420, false, true);
    }

    /** The same settings with the model's summary line on or off (for tests and tools). */
    public IncidentProperties withDigestSummary(boolean on) {
        return new IncidentProperties(channel, zone, pressHandles, topThemes, topInfluencers, topClusters,
                voiceMinFollowers, trendMinMentions, replyLimit, replyWindow, tick, lateAfter, claimTtl, catchUpHours,
                retention, chartWidth, chartHeight, on, ticking);
    }

    /** The same settings with press handles (for tests and tools). */
    public IncidentProperties withPress(Set<String> handles) {
        return new IncidentProperties(channel, zone, handles, topThemes, topInfluencers, topClusters,
                voiceMinFollowers, trendMinMentions, replyLimit, replyWindow, tick, lateAfter, claimTtl, catchUpHours,
                retention, chartWidth, chartHeight, digestSummary, ticking);
    }
}
