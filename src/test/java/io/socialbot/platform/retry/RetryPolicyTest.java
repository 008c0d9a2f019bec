package io.socialbot.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.platform.retry.RetryPolicy.Outcome;
import io.socialbot.platform.retry.RetryPolicy.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(5));
    private final List<Duration> slept = new ArrayList<>();
    private final RetryPolicy.Sleeper recording = slept::add;

    @Test
    void backoffDoublesUpToItsCap() {
        assertThat(List.of(1, 2, 3, 4, 5, 100).stream().map(policy::backoff)).containsExactly(Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    @Test
    void aServerGivenWaitIsHonouredWhateverItsLength() {
        assertThat(policy.waitAfter(1, Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(20));
        assertThat(policy.waitAfter(1, Duration.ofSeconds(7))).as("longer than the cap").isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.waitAfter(2, null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void transientFailuresAreRetriedWithBackoffUntilOneWorks() {
        Result<String> r = policy.run(n -> n < 3 ? Outcome.retry("timeout", null) : Outcome.done("ts-1"), recording,
                Duration.ofSeconds(30));
        assertThat(r).isEqualTo(new Result.Succeeded<>("ts-1", 3));
        assertThat(slept).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aRefusalIsNotRetried() {
        Result<String> r = policy.run(n -> Outcome.refused("channel_not_found"), recording, Duration.ofSeconds(30));
        assertThat(r).isEqualTo(new Result.GaveUp<>("channel_not_found", 1));
        assertThat(slept).isEmpty();
    }

    @Test
    void theTriesAreBounded() {
        Result<String> r = policy.run(n -> Outcome.retry("HTTP 503", null), recording, Duration.ofSeconds(30));
        assertThat(r).isEqualTo(new Result.GaveUp<>("HTTP 503", 4));
        assertThat(slept).hasSize(3);
    }

    @Test
    void aShortRetryAfterIsSleptAndALongOneIsHandedBackToTheCaller() {
        Result<String> r = policy.run(n -> n == 1 ? Outcome.retry("429", Duration.ofSeconds(3)) : Outcome.done("ok"),
                recording, Duration.ofSeconds(30));
        assertThat(r).isEqualTo(new Result.Succeeded<>("ok", 2));
        assertThat(slept).containsExactly(Duration.ofSeconds(3));

        slept.clear();
        Result<String> deferred = policy.run(n -> Outcome.retry("429", Duration.ofMinutes(10)), recording,
                Duration.ofSeconds(30));
        assertThat(deferred).isEqualTo(new Result.Deferred<>("429", Duration.ofMinutes(10), 1));
        assertThat(slept).isEmpty();
    }

    @Test
    void anInterruptEndsTheRunAndKeepsTheFlag() {
        Result<String> r = policy.run(n -> Outcome.retry("timeout", null), d -> {
            throw new InterruptedException();
        }, Duration.ofSeconds(30));
        assertThat(r).isInstanceOf(Result.Interrupted.class);
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
