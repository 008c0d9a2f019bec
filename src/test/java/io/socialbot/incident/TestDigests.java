package io.socialbot.incident;

import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.stats.StatsProperties;
import io.socialbot.stats.StatsService;
import io.socialbot.triage.InMemorySentimentLabels;
import io.socialbot.triage.SentimentLabels;
import java.time.Clock;
import java.util.Optional;

/** Digest composers for tests: real stats policy over the given timelines, safety from the given decisions. */
public final class TestDigests {

    private TestDigests() {
    }

    public static StatsService stats(CaseTimelineStore cases, IncidentProperties properties, Clock clock) {
        StatsProperties d = StatsProperties.defaults();
        return new StatsService(cases, new StatsProperties(properties.zone(), d.firstReplySla(), d.metricsRefresh(),
                d.retention()), clock);
    }

    public static DigestComposer composer(IncidentStore incidents, DigestCounts counts, CaseTimelineStore cases,
                                          InMemoryDecisionStore decisions, CaseLinks links,
                                          IncidentProperties properties, Clock clock) {
        return composer(incidents, counts, cases, decisions, links, new InMemorySentimentLabels(), properties, clock);
    }

    public static DigestComposer composer(IncidentStore incidents, DigestCounts counts, CaseTimelineStore cases,
                                          InMemoryDecisionStore decisions, CaseLinks links, SentimentLabels labels,
                                          IncidentProperties properties, Clock clock) {
        return new DigestComposer(incidents, counts, stats(cases, properties, clock),
                decisions == null ? new SafetyCases(key -> Optional.empty()) : new SafetyCases(decisions), links,
                labels, new PromptTemplates(null), properties, clock);
    }

    public static DigestComposer composer(IncidentStore incidents, DigestCounts counts, CaseTimelineStore cases,
                                          IncidentProperties properties, Clock clock) {
        return composer(incidents, counts, cases, null, CaseLinks.NONE, properties, clock);
    }
}
