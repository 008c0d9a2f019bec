package io.socialbot.casework.slack;

import com.slack.api.bolt.App;
import io.socialbot.casework.CasePoster;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.ReplyLength;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.incident.CurrentIncident;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.slack.SlackProperties;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "casework-slack");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    CaseSlackListeners caseSlackListeners(CaseWork work, ReplySuggestions suggestions, ReplyLength length,
                                          AccessPolicy access, ObjectProvider<CurrentIncident> incident,
                                          ExecutorService caseworkExecutor) {
        return new CaseSlackListeners(work, suggestions, length, access,
                incident.getIfAvailable(() -> Optional::empty), caseworkExecutor);
    }
}
