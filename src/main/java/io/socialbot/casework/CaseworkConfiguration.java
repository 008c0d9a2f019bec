package io.socialbot.casework;

import io.socialbot.casework.redis.RedisCaseOutbox;
import io.socialbot.casework.redis.RedisCaseStore;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.incident.CurrentIncident;
import io.socialbot.mention.MentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.triage.DecisionStore;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** Cases and their outbox on Redis, and their life in {@link CaseWork}; delivery is wired by the Slack adapter. */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    @Bean
    RedisCaseStore caseStore(UnifiedJedis redis, RedisKeys keys) {
        return new RedisCaseStore(redis, keys);
    }

    @Bean
    TwitterTextLength replyLength() {
        return new TwitterTextLength();
    }

    @Bean
    ReplySuggestions replySuggestions(PromptTemplates templates) {
        return new ReplySuggestions(templates);
    }

    @Bean
    RedisCaseOutbox caseOutbox(UnifiedJedis redis, RedisKeys keys) {
        return new RedisCaseOutbox(redis, keys);
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
}
