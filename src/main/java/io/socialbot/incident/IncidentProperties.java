package io.socialbot.incident;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incidents and digests. {@code zone} reads {@code /digest since 09:00} and aligns the hourly slots;
 * {@code slaClaim}/{@code slaFirstReply} are the response targets reported in digests; {@code replyLimit} per
 * {@code replyWindow} paces "tell everyone waiting" within X's posting limit.
 */
@ConfigurationProperties("socialbot.incident")
public record IncidentProperties(
        @DefaultValue("incident") String channel,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("15m") Duration slaClaim,
        @DefaultValue("30m") Duration slaFirstReply,
        @DefaultValue Set<String> pressHandles,
        @DefaultValue("5") int topThemes,
        @DefaultValue("5") int topInfluencers,
        @DefaultValue("3") int topClusters,
        @DefaultValue("100") int replyLimit,
        @DefaultValue("15m") Duration replyWindow,
        @DefaultValue("200") int updateMaxChars,
        @DefaultValue("30s") Duration tick,
        @DefaultValue("5m") Duration lateAfter,
        @DefaultValue("10m") Duration claimTtl,
        @DefaultValue("24") int catchUpHours,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("900") int chartWidth,
        @DefaultValue("420") int chartHeight) {

    public IncidentProperties {
        if (replyLimit < 1 || replyWindow.isZero() || replyWindow.isNegative()) {
            throw new IllegalArgumentException("socialbot.incident.reply-limit and reply-window must be positive");
        }
        pressHandles = pressHandles.stream().map(h -> h.replaceFirst("^@", "").toLowerCase())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Defaults, for tests and tools. */
    public static IncidentProperties defaults() {
        return new IncidentProperties("incident", ZoneId.of("UTC"), Duration.ofMinutes(15), Duration.ofMinutes(30),
                Set.of(), 5, 5, 3, 100, Duration.ofMinutes(15), 200,
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(10), 24, Duration.ofDays(30), 900,
                420);
    }
}
