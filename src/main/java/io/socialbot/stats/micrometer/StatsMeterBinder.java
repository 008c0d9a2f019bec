package io.socialbot.stats.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.socialbot.stats.ReportWindow;
import io.socialbot.stats.ResponseTimeReport;
import io.socialbot.stats.StatsService;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Today's report as gauges, re-read from the store by a schedule on the bot's scheduler (see
 * {@code StatsMetricsConfiguration}) rather than per scrape, so a Prometheus scrape never waits on Redis: cases, median/p90 time to claim and to first reply, breaches and open breaches, per
 * priority. Durations are in seconds; NaN before the first case of the day.
 */
public class StatsMeterBinder implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(StatsMeterBinder.class);

    private final StatsService stats;
    private final AtomicReference<ResponseTimeReport> latest = new AtomicReference<>();

    public StatsMeterBinder(StatsService stats) {
        this.stats = stats;
    }

    /**
     * Re-reads today's figures; the schedule calls this every {@code socialbot.stats.metrics-refresh}. One at a time:
     * otherwise a slow read begun before a newer one could finish last and put older figures back.
     */
    public synchronized void refresh() {
        try {
            ReportWindow today = stats.windows().parse("today");
            latest.set(stats.report(today));
        } catch (RuntimeException e) {
            log.warn("Could not refresh the stats metrics; keeping the previous figures", e);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Priority p : Priority.values()) {
            String tag = p.name();
            gauge(registry, "socialbot.stats.cases.today", "Cases received today (brand time zone)", tag, null,
                    r -> r.row(p).cases());
            gauge(registry, "socialbot.stats.breaches.today", "Today's cases past their first-reply SLA", tag, null,
                    r -> r.row(p).breaches());
            gauge(registry, "socialbot.stats.breaches.open", "Today's cases still waiting past their SLA", tag,
                    null, r -> r.row(p).openBreaches());
            for (String stat : List.of("median", "p90")) {
                boolean median = stat.equals("median");
                gauge(registry, "socialbot.stats.time.to.claim.seconds", "Time from received to first claim", tag,
                        stat, r -> seconds(median ? r.row(p).toClaim().median() : r.row(p).toClaim().p90()));
                gauge(registry, "socialbot.stats.time.to.first.reply.seconds",
                        "Time from arrival to the first answer (agent reply or broadcast)",
                        tag, stat, r -> seconds(median ? r.row(p).toFirstReply().median()
                                : r.row(p).toFirstReply().p90()));
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, String help, String priority, String stat,
                       ToDoubleFunction<ResponseTimeReport> value) {
        var builder = Gauge.builder(name, latest, ref -> {
                    ResponseTimeReport r = ref.get();
                    return r == null ? Double.NaN : value.applyAsDouble(r);
                })
                .description(help)
                .tag("priority", priority)
                .strongReference(true);
        if (stat != null) {
            builder.tag("stat", stat);
        }
        builder.register(registry);
    }

    private static double seconds(Duration d) {
        return d == null ? Double.NaN : d.toMillis() / 1000.0;
    }
}
