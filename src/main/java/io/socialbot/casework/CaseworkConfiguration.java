package io.socialbot.casework;

import io.socialbot.mention.MentionStore;
import io.socialbot.platform.schedule.DaemonThreads;
import io.socialbot.platform.schedule.RepeatingTask;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.triage.DecisionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/**
 * Cases' life in {@link CaseWork} and the schedules that keep posts true: grown clusters every 5 s, posts Slack
 * could not take every 30 s. The store, the poster and the reply length are wired by the adapter packages.
 */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaseworkConfiguration.class);

    static final Duration GROWN_CLUSTERS_EVERY = Duration.ofSeconds(5);
    static final int UNPOSTED_EVERY_TICKS = 6; // 30 s

    @Bean
    ReplySuggestions replySuggestions(PromptTemplates templates) {
        return new ReplySuggestions(templates);
    }

    /** One thread: post updates for a case keep their order, and a burst of clicks does not flood Slack. */
    record CaseRefreshes(ExecutorService executor) implements java.util.concurrent.Executor {
        @Override
        public void execute(Runnable task) {
            executor.execute(task);
        }

        void shutdown() {
            executor.shutdown();
        }
    }

    @Bean(destroyMethod = "shutdown")
    CaseRefreshes caseRefreshes() {
        return new CaseRefreshes(DaemonThreads.pool("case-post-updates", 1));
    }

    @Bean
    CaseWork caseWork(CaseStore cases, MentionStore mentions, DecisionStore decisions, CasePoster poster,
                      ObjectProvider<ReplySender> sender, ReplyLength length, ObjectProvider<CaseEventListener> listeners,
                      ObjectProvider<CurrentIncident> incident, Clock clock, CaseRefreshes refreshes) {
        ReplySender replies = sender.getIfAvailable(() -> (key, to, text) -> new ReplySender.Failed(
                ReplySender.FailureKind.DISABLED, "Replies to X are off: no X credentials are configured. Copy your "
                + "text and reply from the brand account, then resolve the case.", null));
        return new CaseWork(cases, mentions, decisions, poster, replies, length, listeners.orderedStream().toList(),
                incident.getIfAvailable(() -> Optional::empty), clock, refreshes);
    }

    /** One task, so a retried post and a cluster's update never run at the same time. */
    @Bean
    RepeatingTask casePostMaintenance(CaseWork work, TaskScheduler tasks) {
        AtomicInteger ticks = new AtomicInteger();
        return new RepeatingTask("case-post-maintenance", tasks, GROWN_CLUSTERS_EVERY, () -> {
            work.flushGrownClusters();
            if (ticks.incrementAndGet() % UNPOSTED_EVERY_TICKS != 0) {
                return;
            }
            int sent = work.retryUnposted();
            if (sent > 0) {
                log.info("Posted {} case(s) that Slack could not take before", sent);
            }
        });
    }
}
