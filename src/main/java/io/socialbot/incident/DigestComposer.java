package io.socialbot.incident;

import io.socialbot.incident.DigestFigures.Backlog;
import io.socialbot.incident.DigestFigures.Checked;
import io.socialbot.incident.DigestFigures.HourPoint;
import io.socialbot.incident.DigestFigures.Trend;
import io.socialbot.incident.DigestFigures.Volume;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.CaseTimeline;
import io.socialbot.stats.ReportWindow;
import io.socialbot.stats.ResponsePolicy;
import io.socialbot.stats.StatsService;
import io.socialbot.triage.SentimentAgreement;
import io.socialbot.triage.SentimentLabels;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the digest of an incident for a window ({@link #figures}) and renders it in the brand's words
 * ({@link #compose}). Response times come from {@link StatsService}, so the digest and {@code /stats} agree.
 */
public final class DigestComposer {

    private static final Logger log = LoggerFactory.getLogger(DigestComposer.class);

    private final IncidentStore incidents;
    private final DigestCounts counts;
    private final StatsService stats;
    private final SafetyCases safety;
    private final CaseLinks links;
    private final SentimentLabels labels;
    private final DigestText text;
    private final IncidentProperties properties;
    private final Clock clock;

    public DigestComposer(IncidentStore incidents, DigestCounts counts, StatsService stats, SafetyCases safety,
                          CaseLinks links, SentimentLabels labels, PromptTemplates templates,
                          IncidentProperties properties, Clock clock) {
        this.labels = labels;
        this.incidents = incidents;
        this.counts = counts;
        this.stats = stats;
        this.safety = safety;
        this.links = links;
        this.text = new DigestText(templates);
        this.properties = properties;
        this.clock = clock;
    }

    /** The rendered digest of {@link #figures}. */
    public Digest compose(Incident incident, Instant from, Instant to, Instant lateSlot) {
        DigestFigures f = figures(incident, from, to, lateSlot);
        return new Digest(incident.name(), f.from(), f.to(), text.render(f), f);
    }

    /** The trend sentence of these figures, as the digest words it. */
    public String trendSentence(DigestFigures figures) {
        return text.trend(figures);
    }

    /** The line on people's sentiment labels, as the digest words it; empty when nobody labelled. */
    public String checkedSentence(DigestFigures figures) {
        return text.checked(figures.checked());
    }

    /**
     * The figures of {@code [from, to)}, widened to whole hours since the counters are hourly: the window starts at
     * the hour {@code from} falls in (or the incident's start, when later) and ends at {@code to} (or the incident's
     * stop, when earlier). {@code lateSlot} is the hour start of a digest posted late (null when on time).
     */
    public DigestFigures figures(Incident incident, Instant from, Instant to, Instant lateSlot) {
        Instant end = incident.stoppedAt() != null && incident.stoppedAt().isBefore(to) ? incident.stoppedAt() : to;
        Instant start = hourOf(from).isBefore(incident.startedAt()) ? incident.startedAt() : hourOf(from);
        if (!start.isBefore(end)) {
            start = hourOf(end.minusNanos(1)).isBefore(incident.startedAt()) ? incident.startedAt()
                    : hourOf(end.minusNanos(1));
        }
        List<Instant> hours = hours(start, end);
        List<Instant> previous = new ArrayList<>();
        Instant firstHour = hourOf(incident.startedAt());
        for (int i = hours.size(); i >= 1; i--) {
            Instant h = hours.get(0).minus(Duration.ofHours(i));
            if (!h.isBefore(firstHour)) {
                previous.add(h);
            }
        }
        List<Instant> incidentHours = hours(incident.startedAt(), end);
        int top = Math.max(properties.topInfluencers(), properties.topClusters());
        DigestCounts.Window now = counts.read(incident.name(), hours, top);
        DigestCounts.Window before = previous.isEmpty() ? null : counts.read(incident.name(), previous, 0);
        DigestCounts.Window total = counts.read(incident.name(), incidentHours, 1);
        List<HourPoint> series = new ArrayList<>();
        for (Instant h : incidentHours) {
            DigestCounts.Window w = counts.read(incident.name(), List.of(h), 0);
            boolean partial = h.isBefore(incident.startedAt()) || h.plus(Duration.ofHours(1)).isAfter(end);
            series.add(new HourPoint(h, w.sentiment(Label.NEGATIVE), w.sentiment(Label.NEUTRAL),
                    w.sentiment(Label.POSITIVE), partial));
        }
        List<StatusUpdate> updates = incidents.updates(incident.name());
        List<CaseTimeline> ofIncident = stats.cases(ReportWindow.ofIncident(incident.name()));
        Instant windowStart = start;
        List<CaseTimeline> inWindow = ofIncident.stream()
                .filter(t -> !t.received().isBefore(windowStart) && t.received().isBefore(end)).toList();
        Map<Label, Long> sentiment = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            sentiment.put(l, now.sentiment(l));
        }
        return new DigestFigures(incident.name(), properties.zone(), start, end, lateSlot,
                updates.isEmpty() ? null : updates.get(updates.size() - 1), volume(now),
                before == null ? null : volume(before), volume(total), Duration.between(incident.startedAt(), end),
                sentiment, now.mentions() == 0 ? Trend.EMPTY : trend(series, properties.trendMinMentions()),
                properties.trendMinMentions(), series, themes(now), places(now), voices(now), waves(now),
                backlog(ofIncident), stats.report(ReportWindow.between("digest", start, end), inWindow),
                checked(incident.startedAt(), end));
    }

    /** People's labels given in {@code [from, to)} against triage's, and the commonest misreading. */
    private Checked checked(Instant from, Instant to) {
        SentimentAgreement agreement;
        try {
            agreement = SentimentAgreement.of(labels.between(from, to));
        } catch (RuntimeException e) {
            // the line is a footnote: an unreadable label must not hold the digest up
            log.warn("Digest without its sentiment-label line: {}", e.toString());
            return Checked.NONE;
        }
        if (agreement.compared() == 0) {
            return Checked.NONE;
        }
        if (agreement.misreadings().isEmpty()) {
            return new Checked(agreement.compared(), agreement.agreed(), null, null, 0);
        }
        SentimentAgreement.Misreading most = agreement.misreadings().get(0);
        return new Checked(agreement.compared(), agreement.agreed(), most.shown(), most.said(), most.count());
    }

    private static Volume volume(DigestCounts.Window w) {
        return new Volume(w.mentions(), w.uniqueAuthors(), w.retweets(), w.notRelevant());
    }

    /** How many points the negative share must move to call it a trend. */
    static final double TREND_POINTS = 5.0;

    /**
     * Better when the last hour's negative share is clearly below the mean of the two hours before it; only when the
     * last hour and each hour it is compared with have at least {@code minMentions} relevant mentions.
     */
    static Trend trend(List<HourPoint> series, int minMentions) {
        int n = series.size();
        if (n < 2) {
            return Trend.FIRST;
        }
        List<HourPoint> compared = series.subList(Math.max(0, n - 3), n);
        if (compared.stream().anyMatch(h -> h.total() < minMentions)) {
            return Trend.TOO_FEW;
        }
        double last = negativeShare(compared.get(compared.size() - 1));
        double earlier = compared.subList(0, compared.size() - 1).stream()
                .mapToDouble(DigestComposer::negativeShare).average().orElse(last);
        if (last <= earlier - TREND_POINTS) {
            return Trend.BETTER;
        }
        if (last >= earlier + TREND_POINTS) {
            return Trend.WORSE;
        }
        return Trend.STEADY;
    }

    /** A whole-percent share, as the digest prints it. */
    public static String share(long part, long whole) {
        return DigestText.share(part, whole);
    }

    public static double negativeShare(HourPoint h) {
        return h.total() == 0 ? 0 : h.negative() * 100.0 / h.total();
    }

    private List<DigestFigures.ThemeCount> themes(DigestCounts.Window now) {
        return top(now.themes(), properties.topThemes()).stream().map(e -> new DigestFigures.ThemeCount(e.getKey(),
                e.getValue(), now.examples().get(e.getKey()))).toList();
    }

    private List<DigestFigures.Count> places(DigestCounts.Window now) {
        return top(now.places(), properties.topThemes()).stream()
                .map(e -> new DigestFigures.Count(e.getKey(), e.getValue())).toList();
    }

    /** Press first (all of it, by reach), then other authors from the reach threshold up. */
    private List<DigestFigures.Voice> voices(DigestCounts.Window now) {
        List<DigestFigures.Voice> out = new ArrayList<>();
        top(now.press(), properties.topInfluencers()).forEach(e -> out.add(new DigestFigures.Voice(e.getKey(),
                e.getValue(), true)));
        top(now.influencers(), Integer.MAX_VALUE).stream().filter(e -> e.getValue() >= properties.voiceMinFollowers())
                .limit(properties.topInfluencers())
                .forEach(e -> out.add(new DigestFigures.Voice(e.getKey(), e.getValue(), false)));
        return out;
    }

    private List<DigestFigures.Wave> waves(DigestCounts.Window now) {
        Map<String, Long> grouped = new java.util.LinkedHashMap<>();
        now.clusters().forEach((id, size) -> {
            if (size > 1) {
                grouped.put(id, size);
            }
        });
        return top(grouped, properties.topClusters()).stream().map(e -> new DigestFigures.Wave(
                now.clusterKinds().getOrDefault(e.getKey(), "CONTENT").toLowerCase(), e.getValue(), e.getKey(),
                links.link(e.getKey()).orElse(null))).toList();
    }

    private Backlog backlog(List<CaseTimeline> ofIncident) {
        ResponsePolicy policy = stats.policy();
        Instant now = clock.instant();
        Map<Priority, Long> unclaimed = new EnumMap<>(Priority.class);
        Map<Priority, Long> open = new EnumMap<>(Priority.class);
        int waiting = 0;
        int waitingSafety = 0;
        CaseTimeline oldest = null;
        for (CaseTimeline t : ofIncident) {
            if (!t.open()) {
                continue;
            }
            open.merge(t.priority(), 1L, Long::sum);
            if (t.claimed() == null) {
                unclaimed.merge(t.priority(), 1L, Long::sum);
            }
            if (policy.waiting(t)) {
                waiting++;
                if (safety.isSafety(t)) {
                    waitingSafety++;
                }
                if (oldest == null || t.received().isBefore(oldest.received())) {
                    oldest = t;
                }
            }
        }
        DigestFigures.Waiting longest = oldest == null ? null : new DigestFigures.Waiting(oldest.caseKey(),
                oldest.priority(), policy.waited(oldest, now), safety.isSafety(oldest),
                links.link(oldest.caseKey()).orElse(null));
        return new Backlog(unclaimed, open, waiting, waitingSafety, longest);
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> values, int n) {
        return values.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).toList();
    }

    private Instant hourOf(Instant at) {
        return IncidentMentionCounter.hourOf(at, properties.zone());
    }

    /** Hour starts touching {@code [from, to)}, at least one. */
    List<Instant> hours(Instant from, Instant to) {
        List<Instant> out = new ArrayList<>();
        for (Instant h = hourOf(from); h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            out.add(h);
        }
        if (out.isEmpty()) {
            out.add(hourOf(from));
        }
        return out;
    }
}
