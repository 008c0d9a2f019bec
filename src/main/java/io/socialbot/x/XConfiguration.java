package io.socialbot.x;

import io.socialbot.casework.ReplySender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socialbot.mention.MentionStore;
import io.socialbot.platform.ops.OpsAlerts;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import redis.clients.jedis.UnifiedJedis;

/** Wires the X adapter: mention polling and reply sending, each off (and saying so) without credentials. */
@Configuration(proxyBeanMethods = false)
class XConfiguration {

    private static final Logger log = LoggerFactory.getLogger(XConfiguration.class);

    static final Duration REPLY_RECORD_RETENTION = Duration.ofDays(30);

    @Bean
    XHealthIndicator xHealthIndicator(XPollLoop loop) {
        return new XHealthIndicator(loop);
    }

    @Bean
    XPollLoop xPollLoop(XProperties props, ObjectProvider<MentionStore> store, UnifiedJedis redis, RedisKeys keys,
            ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters, ObjectProvider<OpsAlerts> ops,
            TaskScheduler scheduler) {
        if (!props.pollingEnabled()) {
            return XPollLoop.off(props.whyPollingOff());
        }
        var poller = new XMentionPoller(XClients.forPolling(props), store.getObject(), redis, keys, props,
                clock.getIfAvailable(Clock::systemUTC), meters.getIfAvailable(SimpleMeterRegistry::new),
                ops.getIfAvailable(() -> message -> log.warn("ops: {}", message)));
        return XPollLoop.running(poller, scheduler, props.pollInterval());
    }

    @Bean
    ReplySender xReplySender(XProperties props, UnifiedJedis redis, RedisKeys keys, ObjectProvider<Clock> clock) {
        if (!props.hasUserContext()) {
            if (props.pollingEnabled()) {
                // Polling alone is on (bearer token): say once why replies are not.
                log.info("X replies are off: posting needs X_API_KEY/X_API_SECRET/X_ACCESS_TOKEN/"
                        + "X_ACCESS_TOKEN_SECRET (OAuth 1.0a user context)");
            }
            return new DisabledReplySender();
        }
        var x = XClients.forPosting(props);
        Long brand = XProperties.present(props.brandUserId()) ? Long.valueOf(props.brandUserId().strip()) : null;
        return new XReplySender(x, new RedisReplyLedger(redis, keys, REPLY_RECORD_RETENTION),
                new RedisPace(redis, keys.key("x", "posting", "pace")), new XReplyCheck(x, brand),
                clock.getIfAvailable(Clock::systemUTC), props.sendRetry(), RetryPolicy.Sleeper.REAL);
    }
}
