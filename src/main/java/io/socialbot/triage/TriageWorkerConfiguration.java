package io.socialbot.triage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.socialbot.mention.MentionQueue;
import io.socialbot.mention.MentionStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/** The worker that moves mentions from the queue through triage to the decision listeners. */
@Configuration(proxyBeanMethods = false)
class TriageWorkerConfiguration {

    @Bean
    TriageWorker triageWorker(MentionQueue queue, MentionStore store, MentionTriage triage, DecisionStore decisions,
                              ObjectProvider<DecisionListener> listeners, MeterRegistry meters) {
        return new TriageWorker(queue, store, triage, decisions, listeners.orderedStream().toList(),
                new MeteredTriageObserver(meters));
    }

    @Bean
    MeterBinder mentionQueueMetrics(MentionQueue queue, MentionStore store) {
        return registry -> {
            Gauge.builder("socialbot.queue.depth", queue, q -> safely(q::depth))
                    .description("Mentions waiting for triage or in flight").register(registry);
            Gauge.builder("socialbot.mentions.stored", store, s -> safely(s::count))
                    .description("Mentions kept in Redis").register(registry);
        };
    }

    private static double safely(java.util.function.LongSupplier value) {
        try {
            return value.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN; // Redis down: the health check says so; a gauge must not throw
        }
    }

    /** Triage latency, decisions by priority and posted or not, worker errors. */
    static final class MeteredTriageObserver implements TriageObserver {
        private final MeterRegistry meters;
        private final Timer latency;

        MeteredTriageObserver(MeterRegistry meters) {
            this.meters = meters;
            this.latency = Timer.builder("socialbot.triage.latency").description("Time to triage one mention")
                    .publishPercentiles(0.5, 0.99).register(meters);
        }

        @Override
        public void triaged(TriageDecision decision, long nanos) {
            latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            meters.counter("socialbot.triage.decisions",
                    "priority", decision.priority() == null ? "none" : decision.priority().name(),
                    "posted", String.valueOf(decision.postedTo() != null),
                    "relevant", String.valueOf(decision.relevant())).increment();
        }

        @Override
        public void failed(Exception error) {
            meters.counter("socialbot.errors", "kind", "triage-queue").increment();
        }
    }

    @Bean
    SmartLifecycle triageWorkerLifecycle(TriageWorker worker, TriageWorkerProperties properties,
                                          TaskScheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (properties.enabled()) {
                    worker.start(scheduler, properties.reclaimAfter());
                }
                running = true;
            }

            @Override
            public void stop() {
                worker.stop(properties.stopGrace());
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

}
