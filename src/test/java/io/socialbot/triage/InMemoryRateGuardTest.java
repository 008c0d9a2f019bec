package io.socialbot.triage;

import io.socialbot.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRateGuardTest {

    private final MutableClock clock = new MutableClock(TriageFixtures.T0);
    private final RateGuard guard = new InMemoryRateGuard(clock, new TriageProperties.RateGuard(1.0, 3));

    @Test
    void letsABurstThroughThenOnePerSecondPerChannel() {
        assertThat(guard.tryAcquire("#a")).isTrue();
        assertThat(guard.tryAcquire("#a")).isTrue();
        assertThat(guard.tryAcquire("#a")).isTrue();
        assertThat(guard.tryAcquire("#a")).isFalse();
        assertThat(guard.tryAcquire("#b")).isTrue();

        clock.advance(Duration.ofMillis(999));
        assertThat(guard.tryAcquire("#a")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(guard.tryAcquire("#a")).isTrue();
        assertThat(guard.tryAcquire("#a")).isFalse();

        assertThat(guard.counts("#a")).isEqualTo(new RateGuard.Counts(4, 3));
        assertThat(guard.counts("#b")).isEqualTo(new RateGuard.Counts(1, 0));
        assertThat(guard.counts("#none")).isEqualTo(new RateGuard.Counts(0, 0));
    }

    @Test
    void refillsNoMoreThanTheBurst() {
        clock.advance(Duration.ofHours(1));
        int let = 0;
        for (int i = 0; i < 10; i++) {
            let += guard.tryAcquire("#a") ? 1 : 0;
        }
        assertThat(let).isEqualTo(3);
    }
}
