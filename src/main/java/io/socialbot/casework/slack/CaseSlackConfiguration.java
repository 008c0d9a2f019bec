package io.socialbot.casework.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import io.socialbot.casework.ApprovalProperties;
import io.socialbot.casework.ApprovalRules;
import io.socialbot.casework.ApprovalStore;
import io.socialbot.casework.CaseDelivery;
import io.socialbot.casework.CaseEvent;
import io.socialbot.casework.CaseEventListener;
import io.socialbot.casework.CaseOutbox;
import io.socialbot.casework.CaseSentimentLabels;
import io.socialbot.casework.CaseWork;
import io.socialbot.casework.CurrentIncident;
import io.socialbot.casework.ReplyApprovals;
import io.socialbot.casework.ReplyDrafts;
import io.socialbot.casework.ReplyLength;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.ops.OpsAlerts;
import io.socialbot.platform.schedule.DaemonThreads;
import io.socialbot.platform.slack.SlackProperties;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import io.socialbot.platform.schedule.RepeatingTask;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Casework's Slack side: the commands and buttons, and the delivery of case posts from the outbox (only with a bot
 * token, and never in a command-line run); without a token, cases are printed and the outbox is left alone.
 */
@Configuration(proxyBeanMethods = false)
class CaseSlackConfiguration {

    static final String DELIVERS = "!'${socialbot.slack.bot-token:}'.isBlank() and "
            + "${socialbot.casework.delivery.enabled:true}";

    @Bean
    @ConditionalOnExpression("'${socialbot.slack.bot-token:}'.isBlank()")
    CaseEventListener consoleCasePrinter(ObjectProvider<CaseWork> work) {
        return new ConsoleCasePrinter(System.out, key -> work.getObject().view(key));
    }

    @Bean
    @ConditionalOnExpression(DELIVERS)
    SlackCaseMessages slackCaseMessages(SlackProperties slack, CaseDeliveryProperties delivery) {
        return new SlackCaseMessages(deliverySlack(slack.apiUrl(), (int) delivery.readTimeout().toMillis())
                .methods(slack.botToken()));
    }

    /**
     * A Slack client of its own: a read timeout shorter than the lease, and OkHttp never re-sends a request by
     * itself (a silent second chat.postMessage would be a second post).
     */
    static Slack deliverySlack(String apiUrl, int readTimeoutMs) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        config.setPrettyResponseLoggingEnabled(false);
        config.setHttpClientReadTimeoutMillis(readTimeoutMs);
        config.setHttpClientWriteTimeoutMillis(readTimeoutMs);
        config.setHttpClientCallTimeoutMillis(readTimeoutMs * 2);
        okhttp3.OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .retryOnConnectionFailure(false).build();
        return Slack.getInstance(config, new SlackHttpClient(http));
    }

    @Bean
    @ConditionalOnExpression(DELIVERS)
    CaseDelivery caseDelivery(CaseOutbox outbox, SlackCaseMessages messages, CaseWork work,
                              ObjectProvider<CaseEventListener> listeners, Clock clock, CaseDeliveryProperties delivery,
                              OpsAlerts ops) {
        ExecutorService workers = DaemonThreads.pool("case-delivery", delivery.workers());
        List<CaseEventListener> all = listeners.orderedStream().toList();
        return new CaseDelivery(outbox, messages, work::view, all, clock, workers, delivery.settings(), ops);
    }

    /**
     * The outbox is looked at every tick on the bot's scheduler, and sooner when the poster is woken: a case recorded
     * or changed here, a delivery done, the end of a Retry-After. What is due is decided on the injected clock.
     */
    @Bean
    @ConditionalOnExpression(DELIVERS)
    RepeatingTask caseDeliveryLoop(CaseDelivery delivery, TaskScheduler tasks, CaseDeliveryProperties properties) {
        RepeatingTask loop = new RepeatingTask("case-delivery", tasks, properties.tick(), delivery::runDue);
        delivery.wakeWith(loop::wakeAt);
        return loop;
    }

    /** The heartbeat of the deliveries in hand: a live poster keeps its leases, a dead one's lapse within one. */
    @Bean
    @ConditionalOnExpression(DELIVERS)
    RepeatingTask caseDeliveryHeartbeat(CaseDelivery delivery, TaskScheduler tasks, CaseDeliveryProperties properties) {
        return new RepeatingTask("case-delivery-heartbeat", tasks, properties.settings().heartbeat(),
                delivery::renewLeases);
    }

    /**
     * Every case step taken in this process (triage recorded a case, an agent claimed, replied, resolved) queues it in
     * the outbox: the poster looks at once instead of at its next tick. Other replicas' posters see it at theirs.
     */
    @Bean
    @ConditionalOnExpression(DELIVERS)
    CaseEventListener caseDeliveryWake(ObjectProvider<CaseDelivery> delivery) {
        return event -> {
            if (!(event instanceof CaseEvent.Posted)) {
                delivery.ifAvailable(CaseDelivery::wake);
            }
        };
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService caseworkExecutor() {
        return DaemonThreads.pool("casework-slack", 4);
    }

    @Bean
    CaseSlackListeners caseSlackListeners(CaseWork work, ReplySuggestions suggestions, ReplyLength length,
                                          AccessPolicy access, ObjectProvider<CurrentIncident> incident,
                                          ExecutorService caseworkExecutor, ObjectProvider<DraftModalUpdater> drafts,
                                          ObjectProvider<ReplyApprovals> approvals) {
        CurrentIncident current = incident.getIfAvailable(() -> Optional::empty);
        return new CaseSlackListeners(work, suggestions, length, access, current, caseworkExecutor,
                drafts.getIfAvailable(), approvals.getIfAvailable());
    }

    /** The sentiment menu on case posts, on the casework threads: a label is one Redis write. */
    @Bean
    SentimentLabelSlackListeners sentimentLabelSlackListeners(CaseSentimentLabels labels, AccessPolicy access,
                                                              ExecutorService caseworkExecutor) {
        return new SentimentLabelSlackListeners(labels, access, caseworkExecutor);
    }

    /**
     * Drafts for open Reply modals, when a model is configured, on threads of their own: a slow model holds only
     * these, never the threads that send replies.
     */
    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnExpression("!'${socialbot.model.base-url:}'.isBlank()")
    DraftModalUpdater draftModalUpdater(ReplyDrafts drafts, ObjectProvider<CurrentIncident> incident) {
        return new DraftModalUpdater(drafts, incident.getIfAvailable(() -> Optional::empty),
                DaemonThreads.pool("reply-drafts", 4));
    }

    /** Replies a lead approves, when {@code socialbot.approval.enabled} and a bot token are set. */
    @Bean
    @ConditionalOnExpression(APPROVALS)
    ReplyApprovals replyApprovals(ApprovalProperties settings, ApprovalStore store, SlackProperties slack,
                                  CaseDeliveryProperties delivery, CaseWork work, ReplyLength length,
                                  ObjectProvider<CurrentIncident> incident, ObjectProvider<CaseEventListener> listeners,
                                  Clock clock) {
        SlackApprovalNotices notices = new SlackApprovalNotices(deliverySlack(slack.apiUrl(),
                (int) delivery.readTimeout().toMillis()).methods(slack.botToken()), settings.channel());
        return new ReplyApprovals(new ApprovalRules(settings), store, notices, work, length,
                incident.getIfAvailable(() -> Optional::empty), listeners.orderedStream().toList(), clock);
    }

    @Bean
    @ConditionalOnExpression(APPROVALS)
    ApprovalSlackListeners approvalSlackListeners(ReplyApprovals approvals, ReplyLength length, AccessPolicy access,
                                                  ExecutorService caseworkExecutor) {
        return new ApprovalSlackListeners(approvals, length, access, caseworkExecutor);
    }

    static final String APPROVALS = "!'${socialbot.slack.bot-token:}'.isBlank() and ${socialbot.approval.enabled:false}";
}
