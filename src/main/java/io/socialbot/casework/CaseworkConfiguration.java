package io.socialbot.casework;

import io.socialbot.mention.MentionStore;
import io.socialbot.prompt.LanguageModel;
import io.socialbot.prompt.ModelProperties;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.SentimentLabels;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cases' life in {@link CaseWork}. The store and its outbox, the reply length and the delivery to Slack are wired
 * by the adapter packages.
 */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    @Bean
    ReplySuggestions replySuggestions(PromptTemplates templates) {
        return new ReplySuggestions(templates);
    }

    /** Drafts from the language model when one is configured ({@code socialbot.model.base-url}); off otherwise. */
    @Bean
    ReplyDrafts replyDrafts(ObjectProvider<LanguageModel> model, PromptTemplates templates, ReplyLength length,
                            ReplyEntities entities, MentionStore mentions, ModelProperties properties, Clock clock) {
        return new ReplyDrafts(model.getIfAvailable(), templates, length, new DraftGuard(entities), mentions::find,
                clock, properties.cacheFor(), properties.maxTokens());
    }

    @Bean
    CaseWork caseWork(CaseStore cases, MentionStore mentions, DecisionStore decisions,
                      ObjectProvider<ReplySender> sender, ReplyLength length, ObjectProvider<CaseEventListener> listeners,
                      ObjectProvider<CurrentIncident> incident, Clock clock) {
        ReplySender replies = sender.getIfAvailable(() -> (key, to, text) -> new ReplySender.Failed(
                ReplySender.FailureKind.DISABLED, "Replies to X are off: no X credentials are configured. Copy your "
                + "text and reply from the brand account, then resolve the case.", null));
        return new CaseWork(cases, mentions, decisions, replies, length, listeners.orderedStream().toList(),
                incident.getIfAvailable(() -> Optional::empty), clock);
    }

    @Bean
    CaseSentimentLabels caseSentimentLabels(CaseWork work, SentimentLabels labels, Clock clock) {
        return new CaseSentimentLabels(work, labels, clock);
    }
}
