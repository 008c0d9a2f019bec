package io.socialbot.incident;

import io.socialbot.casework.CaseReplies;
import io.socialbot.casework.ReplyLength;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.schedule.RepeatingTask;
import io.socialbot.prompt.LanguageModel;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.stats.StatsProperties;
import io.socialbot.stats.StatsService;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.SentimentLabels;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/**
 * Incidents' core: the mention counter, digests, status-update broadcasts and their schedule. Redis state, the
 * chart and Slack are wired by {@code incident/redis}, {@code incident/chart} and {@code incident/slack}.
 */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IncidentConfiguration.class);

    @Bean
    IncidentMentionCounter incidentMentionCounter(IncidentStore incidents, DigestCounts counts,
                                                  IncidentProperties properties) {
        return new IncidentMentionCounter(incidents, counts, properties);
    }

    @Bean
    DigestComposer digestComposer(IncidentStore incidents, DigestCounts counts, StatsService stats,
                                  DecisionStore decisions, ObjectProvider<CaseLinks> links, SentimentLabels labels,
                                  PromptTemplates templates, IncidentProperties properties,
                                  StatsProperties statsProperties, Clock clock) {
        if (!properties.zone().equals(statsProperties.zone())) {
            throw new IllegalStateException("socialbot.incident.zone (" + properties.zone() + ") differs from the "
                    + "brand's zone socialbot.stats.zone (" + statsProperties.zone() + "): set only socialbot.stats.zone");
        }
        return new DigestComposer(incidents, counts, stats, new SafetyCases(decisions),
                links.getIfAvailable(() -> CaseLinks.NONE), labels, templates, properties, clock);
    }

    @Bean
    UpdateBroadcast updateBroadcast(IncidentStore incidents, CaseTimelineStore cases, DecisionStore decisions,
                                    CaseReplies replies, BroadcastQueue queue, PromptTemplates templates,
                                    IncidentProperties properties, Clock clock) {
        return new UpdateBroadcast(incidents, cases, decisions, replies, queue, templates, properties, clock);
    }

    @Bean
    DigestScheduler digestScheduler(IncidentStore incidents, SlotClaims claims, DigestComposer composer,
                                    DigestPublisher publisher, IncidentProperties properties, Clock clock,
                                    ObjectProvider<LanguageModel> model, PromptTemplates templates) {
        LanguageModel configured = model.getIfAvailable();
        if (properties.digestSummary() && configured == null) {
            log.warn("socialbot.incident.digest-summary is on but no model is configured (socialbot.model.base-url): "
                    + "digests go out without the summary line");
        }
        DigestSummary summary = properties.digestSummary() && configured != null
                ? new DigestSummary(configured, templates) : DigestSummary.OFF;
        return new DigestScheduler(incidents, claims, composer, publisher, properties, clock, summary);
    }

    /**
     * On every replica; Redis claims make each digest and each broadcast reply happen once. Off in the one-shot
     * commands, which have X off: a status reply taken there would be recorded as not sent, never sent.
     */
    @Bean
    @ConditionalOnProperty(name = "socialbot.incident.ticking", havingValue = "true", matchIfMissing = true)
    RepeatingTask incidentTicker(DigestScheduler scheduler, UpdateBroadcast broadcast, IncidentProperties properties,
                                 TaskScheduler tasks) {
        return new RepeatingTask("incident-ticker", tasks, properties.tick(), () -> {
            scheduler.tick();
            broadcast.drain();
        });
    }

    @Bean
    IncidentCommands incidentCommands(IncidentStore incidents, AccessPolicy access, PromptTemplates templates,
                                      ReplyLength length, IncidentProperties properties, Clock clock,
                                      ObjectProvider<IncidentPageLinks> pages) {
        // the live page is wired by incident/web only when its base URL and secret are set
        return new IncidentCommands(incidents, access, new UpdateFit(templates, length), properties, clock,
                Optional.ofNullable(pages.getIfAvailable()));
    }
}
