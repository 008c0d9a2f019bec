package io.socialbot.casework.slack;

import com.slack.api.bolt.App;
import io.socialbot.casework.CasePoster;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.CurrentIncident;
import io.socialbot.casework.ReplyLength;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.schedule.DaemonThreads;
import io.socialbot.platform.slack.SlackProperties;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Casework's Slack side: the poster (Slack, or the console when Slack is off) and the commands and buttons. */
@Configuration(proxyBeanMethods = false)
class CaseSlackConfiguration {

    @Bean
    CasePoster casePoster(SlackProperties slack, ObjectProvider<App> app) {
        if (!slack.enabled()) {
            return new ConsoleCasePoster(System.out);
        }
        return new SlackCasePoster(() -> app.getObject().client(), slack.opsChannel(), d -> Thread.sleep(d.toMillis()));
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService caseworkExecutor() {
        return DaemonThreads.pool("casework-slack", 4);
    }

    @Bean
    CaseSlackListeners caseSlackListeners(CaseWork work, ReplySuggestions suggestions, ReplyLength length,
                                          AccessPolicy access, ObjectProvider<CurrentIncident> incident,
                                          ExecutorService caseworkExecutor) {
        return new CaseSlackListeners(work, suggestions, length, access,
                incident.getIfAvailable(() -> Optional::empty), caseworkExecutor);
    }
}
