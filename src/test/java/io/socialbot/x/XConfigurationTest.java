package io.socialbot.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.ReplySender;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.schedule.TaskSchedulers;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import io.socialbot.support.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

@ExtendWith(OutputCaptureExtension.class)
class XConfigurationTest {

    static final RedisKeys KEYS = TestRedis.freshKeys();
    static final MentionStore STORE = new RedisMentionStore(TestRedis.client(), KEYS);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(XProperties.class)
    static class Platform {
        @Bean(destroyMethod = "") // the shared test client outlives this context
        UnifiedJedis redis() {
            return TestRedis.client();
        }

        @Bean
        RedisKeys keys() {
            return KEYS;
        }

        @Bean
        MentionStore store() {
            return STORE;
        }

        @Bean
        ThreadPoolTaskScheduler taskScheduler() {
            return TaskSchedulers.unstarted(java.time.Clock.systemUTC(), 1);
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Platform.class, XConfiguration.class);

    @Test
    void withoutCredentialsTheAdapterIsOffAndSaysSoOnce(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            var failed = (ReplySender.Failed) context.getBean(ReplySender.class).send("k", "1", "hi");
            assertThat(failed.kind()).isEqualTo(ReplySender.FailureKind.DISABLED);
            assertThat(context.getBean(XPollLoop.class).isPolling()).isFalse();
        });
        assertThat(output.getOut().split("X adapter is off", -1)).hasSize(2);
        assertThat(output.getOut()).contains("no X credentials set");
    }

    @Test
    void aBearerTokenPollsButCannotPost() {
        runner.withPropertyValues("socialbot.x.bearer-token=b", "socialbot.x.brand-user-id=1000",
                        "socialbot.x.v2-base-url=http://127.0.0.1:1/2/", "socialbot.x.poll-interval=1h")
                .run(context -> {
                    assertThat(context.getBean(XPollLoop.class).isPolling()).isTrue();
                    assertThat(context.getBean(ReplySender.class)).isInstanceOf(DisabledReplySender.class);
                });
    }

    @Test
    void withCredentialsItPollsTheConfiguredHostAndPostsThere(CapturedOutput output) throws Exception {
        try (var stub = new XApiStub()) {
            stub.enqueue(XApiStub.MENTIONS, XApiStub.Answer.json(200, XMentionPollerTest.page(
                    List.of(XMentionPollerTest.tweet(701, 7, "@brand hi", null, null)),
                    List.of(XMentionPollerTest.user(7, "alice", 3, false)), null)));
            runner.withPropertyValues("socialbot.x.api-key=k", "socialbot.x.api-secret=very-secret-1",
                            "socialbot.x.access-token=t", "socialbot.x.access-token-secret=very-secret-2",
                            "socialbot.x.brand-user-id=1000", "socialbot.x.poll-interval=50ms",
                            "socialbot.x.v2-base-url=" + stub.v2BaseUrl(), "socialbot.x.rest-base-url=" + stub.restBaseUrl())
                    .run(context -> {
                        assertThat(context.getBean(ReplySender.class)).isInstanceOf(XReplySender.class);
                        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // a loaded CI box
                        while (STORE.find("twitter:701").isEmpty() && System.nanoTime() < deadline) {
                            Thread.sleep(20);
                        }
                        assertThat(STORE.find("twitter:701")).isPresent();
                    });
        }
        assertThat(output.getAll()).contains("X adapter is on").doesNotContain("very-secret");
    }
}
