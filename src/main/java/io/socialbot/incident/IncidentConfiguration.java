package io.socialbot.incident;

import io.socialbot.casework.CaseReplies;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.schedule.RepeatingTask;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.triage.DecisionStore;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/**
 * Incidents' core: the mention counter, digests, status-update broadcasts and their schedule. Redis state, the
 * chart and Slack are wired by {@code incident/redis}, {@code incident/chart} and {@code incident/slack}.
 */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

    @Bean
    IncidentMentionCounter incidentMentionCounter(IncidentStore incidents, DigestCounts counts,
                                                  IncidentProperties properties) {
        return new IncidentMentionCounter(incidents, counts, properties);
    }

    @Bean
    DigestComposer digestComposer(IncidentStore incidents, DigestCounts counts, CaseTimelineStore cases,
                                  PromptTemplates templates, IncidentProperties properties, Clock clock) {
        return new DigestComposer(incidents, counts, cases, templates, properties, clock);
    }

    @Bean
    UpdateBroadcast updateBroadcast(IncidentStore incidents, CaseTimelineStore cases, DecisionStore decisions,
                                    CaseReplies replies, BroadcastQueue queue, PromptTemplates templates,
                                    IncidentProperties properties, Clock clock) {
        return new UpdateBroadcast(incidents, cases, decisions, replies, queue, templates, properties, clock);
    }

    @Bean
    DigestScheduler digestScheduler(IncidentStore incidents, SlotClaims claims, DigestComposer composer,
                                    DigestPublisher publisher, IncidentProperties properties, Clock clock) {
        return new DigestScheduler(incidents, claims, composer, publisher, properties, clock);
    }

    /** On every replica; Redis claims make each digest and each broadcast reply happen once. */
    @Bean
    RepeatingTask incidentTicker(DigestScheduler scheduler, UpdateBroadcast broadcast, IncidentProperties properties,
                                 TaskScheduler tasks) {
        return new RepeatingTask("incident-ticker", tasks, properties.tick(), () -> {
            scheduler.tick();
            broadcast.drain();
        });
    }

    @Bean
    IncidentCommands incidentCommands(IncidentStore incidents, AccessPolicy access,
                                      IncidentProperties properties, Clock clock,
                                      ObjectProvider<IncidentPageLinks> pages) {
        // the live page is wired by incident/web only when its base URL and secret are set
        return new IncidentCommands(incidents, access, properties, clock, Optional.ofNullable(pages.getIfAvailable()));
    }
}
