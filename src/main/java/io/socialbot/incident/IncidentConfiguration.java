package io.socialbot.incident;

import com.slack.api.bolt.App;
import io.socialbot.casework.CaseReplies;
import io.socialbot.casework.CaseStore;
import io.socialbot.casework.ReplyLength;
import io.socialbot.incident.chart.XChartDigestChart;
import io.socialbot.incident.redis.RedisBroadcastQueue;
import io.socialbot.incident.redis.RedisDigestCounts;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.incident.redis.RedisSlotClaims;
import io.socialbot.incident.slack.IncidentSlackListeners;
import io.socialbot.incident.slack.SlackCaseLinks;
import io.socialbot.incident.slack.SlackDigestPublisher;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.stats.StatsProperties;
import io.socialbot.stats.StatsService;
import io.socialbot.triage.DecisionStore;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** Incidents, digests and status-update broadcasts: Redis state, Slack commands, the hourly schedule. */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

    @Bean
    RedisIncidentStore incidentStore(UnifiedJedis redis, RedisKeys keys) {
        return new RedisIncidentStore(redis, keys);
    }

    @Bean
    RedisDigestCounts digestCounts(UnifiedJedis redis, RedisKeys keys, IncidentProperties properties) {
        return new RedisDigestCounts(redis, keys, properties.retention());
    }

    @Bean
    IncidentMentionCounter incidentMentionCounter(IncidentStore incidents, DigestCounts counts,
                                                  IncidentProperties properties) {
        return new IncidentMentionCounter(incidents, counts, properties);
    }

    @Bean
    DigestComposer digestComposer(IncidentStore incidents, DigestCounts counts, StatsService stats,
                                  DecisionStore decisions, ObjectProvider<CaseStore> caseStore, ObjectProvider<App> app,
                                  PromptTemplates templates, IncidentProperties properties, StatsProperties statsProperties,
                                  ObjectProvider<Clock> clock) {
        if (!properties.zone().equals(statsProperties.zone())) {
            throw new IllegalStateException("socialbot.incident.zone (" + properties.zone() + ") differs from the "
                    + "brand's zone socialbot.stats.zone (" + statsProperties.zone() + "): set only socialbot.stats.zone");
        }
        CaseStore store = caseStore.getIfAvailable();
        CaseLinks links = store == null ? CaseLinks.NONE : new SlackCaseLinks(store::find, () -> slack(app));
        return new DigestComposer(incidents, counts, stats, new SafetyCases(decisions), links, templates, properties,
                clock(clock));
    }

    @Bean
    XChartDigestChart digestChart(IncidentProperties properties) {
        return new XChartDigestChart(properties.chartWidth(), properties.chartHeight());
    }

    @Bean
    SlackDigestPublisher digestPublisher(ObjectProvider<App> app, DigestChart chart) {
        return new SlackDigestPublisher(() -> slack(app), chart);
    }

    private static com.slack.api.methods.MethodsClient slack(ObjectProvider<App> app) {
        App a = app.getIfAvailable();
        if (a == null) {
            throw new IllegalStateException("Slack is not configured: no digest can be posted");
        }
        return a.client();
    }

    @Bean
    RedisBroadcastQueue broadcastQueue(UnifiedJedis redis, RedisKeys keys) {
        return new RedisBroadcastQueue(redis, keys);
    }

    @Bean
    UpdateBroadcast updateBroadcast(IncidentStore incidents, CaseTimelineStore cases, DecisionStore decisions,
                                    CaseReplies replies, BroadcastQueue queue, PromptTemplates templates,
                                    IncidentProperties properties, ObjectProvider<Clock> clock) {
        return new UpdateBroadcast(incidents, cases, decisions, replies, queue, templates, properties, clock(clock));
    }

    @Bean
    DigestScheduler digestScheduler(IncidentStore incidents, UnifiedJedis redis, RedisKeys keys,
                                    DigestComposer composer, DigestPublisher publisher, IncidentProperties properties,
                                    ObjectProvider<Clock> clock) {
        return new DigestScheduler(incidents, new RedisSlotClaims(redis, keys, "replica-" + UUID.randomUUID()),
                composer, publisher, properties, clock(clock));
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    IncidentTicker incidentTicker(DigestScheduler scheduler, UpdateBroadcast broadcast, IncidentProperties properties) {
        return new IncidentTicker(scheduler, broadcast, properties.tick());
    }

    /** The work Slack handlers do after their ack; its own type so no other capability injects it by accident. */
    record IncidentWork(ExecutorService executor) implements java.util.concurrent.Executor {
        @Override
        public void execute(Runnable task) {
            executor.execute(task);
        }

        void shutdown() {
            executor.shutdown();
        }
    }

    @Bean(destroyMethod = "shutdown")
    IncidentWork incidentWork() {
        return new IncidentWork(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "incident-slack");
            t.setDaemon(true);
            return t;
        }));
    }

    @Bean
    IncidentSlackListeners incidentSlackListeners(IncidentStore incidents, DigestComposer composer,
                                                  DigestPublisher publisher, UpdateBroadcast broadcast,
                                                  AccessPolicy access, IncidentProperties properties,
                                                  PromptTemplates templates, ReplyLength length,
                                                  ObjectProvider<Clock> clock, IncidentWork work) {
        Clock c = clock(clock);
        return new IncidentSlackListeners(new IncidentCommands(incidents, access, new UpdateFit(templates, length),
                properties, c), incidents, composer, publisher, broadcast, access, properties, c, work);
    }

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }
}
