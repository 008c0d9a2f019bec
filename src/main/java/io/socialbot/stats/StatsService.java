package io.socialbot.stats;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** Computes response-time reports from the case timelines, by the one {@link ResponsePolicy}. */
public class StatsService {

    private final CaseTimelineStore store;
    private final StatsProperties properties;
    private final ResponsePolicy policy;
    private final Clock clock;

    public StatsService(CaseTimelineStore store, StatsProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.policy = ResponsePolicy.of(properties);
        this.clock = clock;
    }

    public ResponsePolicy policy() {
        return policy;
    }

    public ReportWindows windows() {
        return new ReportWindows(clock, properties.zone());
    }

    /** The cases of a window, oldest first. */
    public List<CaseTimeline> cases(ReportWindow window) {
        return window.isIncident() ? store.forIncident(window.incident())
                : store.receivedBetween(window.from(), window.to());
    }

    public ResponseTimeReport report(ReportWindow window) {
        return report(window, cases(window));
    }

    public ResponseTimeReport report(ReportWindow window, List<CaseTimeline> cases) {
        Instant now = clock.instant();
        List<ResponseTimeReport.Row> rows = new ArrayList<>();
        for (Priority p : Priority.values()) {
            rows.add(row(p, cases.stream().filter(c -> c.priority() == p).toList(), now));
        }
        Map<String, List<CaseTimeline>> byAgent = new LinkedHashMap<>();
        for (CaseTimeline c : cases) {
            if (c.agent() != null) {
                byAgent.computeIfAbsent(c.agent(), a -> new ArrayList<>()).add(c);
            }
        }
        List<ResponseTimeReport.AgentRow> agents = byAgent.entrySet().stream()
                .map(e -> new ResponseTimeReport.AgentRow(e.getKey(), e.getValue().size(),
                        spread(e.getValue(), CaseTimeline::timeToClaim),
                        spread(e.getValue(), CaseTimeline::timeToFirstReply),
                        spread(e.getValue(), CaseTimeline::timeToResolve),
                        count(e.getValue(), c -> breached(c, now))))
                .sorted(Comparator.comparingInt(ResponseTimeReport.AgentRow::handled).reversed()
                        .thenComparing(ResponseTimeReport.AgentRow::agent))
                .toList();
        return new ResponseTimeReport(window, now, rows, row(null, cases, now), agents);
    }

    /** Cases still waiting for a first reply whose SLA has already passed, at the clock's now. */
    public List<CaseTimeline> openBreaches() {
        Instant now = clock.instant();
        return store.open().stream().filter(c -> policy.waiting(c) && policy.breached(c, now)).toList();
    }

    /** See {@link ResponsePolicy#breached}. */
    public boolean breached(CaseTimeline c, Instant now) {
        return policy.breached(c, now);
    }

    private ResponseTimeReport.Row row(Priority p, List<CaseTimeline> cases, Instant now) {
        return new ResponseTimeReport.Row(p, cases.size(),
                spread(cases, CaseTimeline::timeToClaim),
                spread(cases, CaseTimeline::timeToFirstResponse),
                spread(cases, CaseTimeline::timeToResolve),
                count(cases, c -> breached(c, now)),
                count(cases, c -> policy.waiting(c) && breached(c, now)),
                count(cases, CaseTimeline::answeredFirstByBroadcast),
                spread(cases, CaseTimeline::approvalWaitTime));
    }

    static ResponseTimeReport.Spread spread(List<CaseTimeline> cases,
                                            Function<CaseTimeline, Optional<Duration>> step) {
        List<Duration> values = new ArrayList<>(cases.size());
        for (CaseTimeline c : cases) {
            step.apply(c).ifPresent(values::add);
        }
        if (values.isEmpty()) {
            return ResponseTimeReport.Spread.NONE;
        }
        // Percentiles sorts a copy on every call; sorted input makes those sorts a linear pass
        values.sort(null);
        return new ResponseTimeReport.Spread(values.size(), Percentiles.median(values).orElseThrow(),
                Percentiles.p90(values).orElseThrow());
    }

    private static int count(List<CaseTimeline> cases, Predicate<CaseTimeline> filter) {
        int n = 0;
        for (CaseTimeline c : cases) {
            if (filter.test(c)) {
                n++;
            }
        }
        return n;
    }
}
