package io.socialbot.incident.slack;

import com.slack.api.bolt.App;
import io.socialbot.incident.DigestChart;
import io.socialbot.incident.DigestComposer;
import io.socialbot.incident.DigestPublisher;
import io.socialbot.incident.IncidentCommands;
import io.socialbot.incident.IncidentProperties;
import io.socialbot.incident.IncidentStore;
import io.socialbot.incident.UpdateBroadcast;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.schedule.DaemonThreads;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Incidents' Slack side: {@code /incident}, {@code /digest}, and digests posted with their chart. */
@Configuration(proxyBeanMethods = false)
class IncidentSlackConfiguration {

    @Bean
    SlackDigestPublisher digestPublisher(ObjectProvider<App> app, DigestChart chart) {
        return new SlackDigestPublisher(() -> {
            App a = app.getIfAvailable();
            if (a == null) {
                throw new IllegalStateException("Slack is not configured: no digest can be posted");
            }
            return a.client();
        }, chart);
    }

    /** The work Slack handlers do after their ack; its own type so no other capability injects it by accident. */
    record IncidentWork(ExecutorService executor) implements Executor {
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
        return new IncidentWork(DaemonThreads.pool("incident-slack", 2));
    }

    @Bean
    IncidentSlackListeners incidentSlackListeners(IncidentCommands commands, IncidentStore incidents,
                                                  DigestComposer composer, DigestPublisher publisher,
                                                  UpdateBroadcast broadcast, AccessPolicy access,
                                                  IncidentProperties properties, Clock clock, IncidentWork work) {
        return new IncidentSlackListeners(commands, incidents, composer, publisher, broadcast, access, properties,
                clock, work);
    }
}
