package io.socialbot.triage;

import io.socialbot.mention.MentionQueue;
import io.socialbot.mention.MentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.triage.redis.RedisDecisionStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** The worker that moves mentions from the queue through triage to the decision listeners. */
@Configuration(proxyBeanMethods = false)
class TriageWorkerConfiguration {

    @Bean
    RedisDecisionStore decisionStore(UnifiedJedis redis, RedisKeys keys) {
        return new RedisDecisionStore(redis, keys);
    }

    @Bean
    MentionTriage mentionTriage() {
        return new LanguageHintTriage();
    }

    @Bean
    TriageWorker triageWorker(MentionQueue queue, MentionStore store, MentionTriage triage, DecisionStore decisions,
                              ObjectProvider<DecisionListener> listeners) {
        return new TriageWorker(queue, store, triage, decisions, listeners.orderedStream().toList());
    }

    @Bean
    SmartLifecycle triageWorkerLifecycle(TriageWorker worker, TriageWorkerProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (properties.enabled()) {
                    worker.start(properties.reclaimAfter());
                }
                running = true;
            }

            @Override
            public void stop() {
                worker.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

}
