package io.socialbot.casework;

import io.socialbot.casework.redis.RedisCaseStore;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.incident.CurrentIncident;
import io.socialbot.mention.MentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.triage.DecisionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** Cases on Redis, their life in {@link CaseWork}, and the retry of posts Slack could not take. */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaseworkConfiguration.class);

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
    CaseWork caseWork(CaseStore cases, MentionStore mentions, DecisionStore decisions, CasePoster poster,
                      ObjectProvider<ReplySender> sender, ReplyLength length, ObjectProvider<CaseEventListener> listeners,
                      ObjectProvider<CurrentIncident> incident, Clock clock) {
        ReplySender replies = sender.getIfAvailable(() -> (key, to, text) -> new ReplySender.Failed(
                ReplySender.FailureKind.DISABLED, "Replies to X are off: no X credentials are configured. Copy your "
                + "text and reply from the brand account, then resolve the case.", null));
        return new CaseWork(cases, mentions, decisions, poster, replies, length, listeners.orderedStream().toList(),
                incident.getIfAvailable(() -> Optional::empty), clock, caseRefreshes());
    }

    /** One thread: post updates for a case keep their order, and a burst of clicks does not flood Slack. */
    private static java.util.concurrent.Executor caseRefreshes() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "case-post-updates");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    SmartLifecycle casePostMaintenance(CaseWork work) {
        return new SmartLifecycle() {
            private volatile Thread thread;

            @Override
            public void start() {
                thread = new Thread(() -> {
                    int tick = 0;
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(Duration.ofSeconds(5).toMillis());
                            work.flushGrownClusters();
                            if (++tick % 6 != 0) {
                                continue; // unposted cases every 30 s, grown clusters every 5 s
                            }
                            int sent = work.retryUnposted();
                            if (sent > 0) {
                                log.info("Posted {} case(s) that Slack could not take before", sent);
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (RuntimeException e) {
                            log.warn("Retry of unposted cases failed: {}", e.toString());
                        }
                    }
                }, "unposted-case-retry");
                thread.setDaemon(true);
                thread.start();
            }

            @Override
            public void stop() {
                if (thread != null) {
                    thread.interrupt();
                    thread = null;
                }
            }

            @Override
            public boolean isRunning() {
                return thread != null;
            }
        };
    }
}
