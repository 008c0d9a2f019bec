package io.socialbot.stats;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Report settings: the brand's time zone (what "today" means), the first-reply SLA per priority, how often
 * the metrics re-read the store, and how long cases are kept.
 */
@ConfigurationProperties("socialbot.stats")
public record StatsProperties(
        @DefaultValue("Europe/London") ZoneId zone,
        Map<Priority, Duration> firstReplySla,
        @DefaultValue("1m") Duration metricsRefresh,
        @DefaultValue("120d") Duration retention) {

    /** Used for any priority the configuration leaves out. */
    public static final Map<Priority, Duration> DEFAULT_SLA = Map.of(
            Priority.P1, Duration.ofMinutes(15),
            Priority.P2, Duration.ofHours(1),
            Priority.P3, Duration.ofHours(4),
            Priority.P4, Duration.ofHours(24));

    public StatsProperties {
        Map<Priority, Duration> sla = new EnumMap<>(DEFAULT_SLA);
        if (firstReplySla != null) {
            sla.putAll(firstReplySla);
        }
        sla.forEach((p, d) -> {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("socialbot.stats.first-reply-sla." + p + " must be positive");
            }
        });
        firstReplySla = Map.copyOf(sla);
        if (retention == null || retention.compareTo(Duration.ofDays(ReportWindows.MAX_DAYS + 1)) < 0) {
            throw new IllegalArgumentException("socialbot.stats.retention must be longer than the longest window ("
                    + ReportWindows.MAX_DAYS + " days)");
        }
        if (metricsRefresh == null || metricsRefresh.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("socialbot.stats.metrics-refresh must be at least 1s");
        }
    }

    public static StatsProperties defaults() {
        return new StatsProperties(ZoneId.of("Europe/London"), null, Duration.ofMinutes(1), Duration.ofDays(120));
    }

    public Duration sla(Priority priority) {
        return firstReplySla.get(priority);
    }
}
