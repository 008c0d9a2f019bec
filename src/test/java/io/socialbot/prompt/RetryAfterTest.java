package io.socialbot.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.platform.redis.RedisClients;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.LanguageModel.Answered;
import io.socialbot.prompt.LanguageModel.ModelRequest;
import io.socialbot.prompt.LanguageModel.Reason;
import io.socialbot.prompt.LanguageModel.Unavailable;
import io.socialbot.prompt.openai.OpenAiChatModel;
import io.socialbot.prompt.redis.RedisModelBudget;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import io.socialbot.support.model.ChatCompletionsStub;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * A 429's Retry-After holds every replica: no call reaches the model (the chat-completions stand-in) before the time
 * it named, the answer says that time, and the first call after it goes through (embedded Redis, two replicas).
 */
class RetryAfterTest {

    final ChatCompletionsStub stub = new ChatCompletionsStub();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:15:10Z"));
    final RedisKeys keys = TestRedis.freshKeys();
    final ModelRequest request = new ModelRequest("You draft replies.", "Customer: @jo no signal", 300);

    @AfterEach
    void stop() {
        stub.close();
    }

    LanguageModel replica(UnifiedJedis redis) {
        ModelProperties properties = new ModelProperties(stub.baseUrl(), "", "llama3.1:8b", Duration.ofSeconds(5), 30,
                300, Duration.ofMinutes(30));
        return new BudgetedLanguageModel(new OpenAiChatModel(properties, clock),
                new RedisModelBudget(redis, keys, 30, clock));
    }

    @Test
    void noReplicaAsksTheModelAgainBeforeItsRetryAfter() {
        try (UnifiedJedis other = RedisClients.connect(TestRedis.url(), TestRedis.properties())) {
            LanguageModel a = replica(TestRedis.client());
            LanguageModel b = replica(other);
            stub.enqueue(new ChatCompletionsStub.Status(429, "requests", "rate_limit_exceeded", 20));
            Instant retryAt = clock.instant().plusSeconds(20);

            assertThat(a.complete(request)).isInstanceOfSatisfying(Unavailable.class,
                    u -> assertThat(u.retryAt()).isEqualTo(retryAt));
            clock.advance(Duration.ofSeconds(19));
            assertThat(b.complete(request)).as("the other replica, a second early").isInstanceOfSatisfying(
                    Unavailable.class, u -> {
                        assertThat(u.reason()).isEqualTo(Reason.RATE_LIMITED);
                        assertThat(u.retryAt()).isEqualTo(retryAt);
                    });
            assertThat(a.complete(request)).isInstanceOf(Unavailable.class);
            assertThat(stub.requests()).as("only the call that got the 429").hasSize(1);

            clock.advance(Duration.ofSeconds(1));
            assertThat(b.complete(request)).isInstanceOf(Answered.class);
            assertThat(stub.requests()).hasSize(2);
        }
    }

    @Test
    void aWildRetryAfterPausesForAnHourAtMost() {
        LanguageModel a = replica(TestRedis.client());
        stub.enqueue(new ChatCompletionsStub.Status(429, "requests", "rate_limit_exceeded", 86_400));

        Instant inAnHour = clock.instant().plus(Duration.ofHours(1));
        assertThat(a.complete(request)).as("the time a person is told is the pause as kept")
                .isInstanceOfSatisfying(Unavailable.class, u -> assertThat(u.retryAt()).isEqualTo(inAnHour));
        clock.advance(Duration.ofMinutes(59));
        assertThat(a.complete(request)).isInstanceOf(Unavailable.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(a.complete(request)).isInstanceOf(Answered.class);
        assertThat(stub.requests()).hasSize(2);
    }
}
