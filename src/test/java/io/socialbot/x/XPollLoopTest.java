package io.socialbot.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.platform.schedule.TaskSchedulers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The poll loop is a schedule on the bot's one scheduler; its failure waits come from the platform RetryPolicy. */
class XPollLoopTest {

    private final XMentionPollerTest x = new XMentionPollerTest();
    private final ThreadPoolTaskScheduler scheduler = TaskSchedulers.started(Clock.systemUTC(), 1);
    private XApiStub stub;

    @BeforeEach
    void start() throws Exception {
        x.start();
        stub = x.stub;
    }

    @AfterEach
    void shutDown() {
        scheduler.shutdown();
        x.stop();
    }

    @Test
    void thePollRunsAtStartOnTheSchedulerAndStoppingHandsTheLeaseOver() throws Exception {
        stub.enqueue(XApiStub.MENTIONS, x.ok(XMentionPollerTest.page(List.of(), List.of(), null)))
                .enqueue(XApiStub.MENTIONS, x.ok(XMentionPollerTest.page(List.of(), List.of(), null)));
        XPollLoop loop = XPollLoop.running(x.poller(), scheduler, Duration.ofHours(1));
        loop.start();
        try {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (loop.lastOutcome() == null && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(loop.lastOutcome()).as("first poll at start, not an hour later")
                    .isInstanceOf(XMentionPoller.Polled.class);
            assertThat(loop.isRunning()).isTrue();
        } finally {
            loop.stop();
        }
        assertThat(loop.isRunning()).isFalse();
        assertThat(x.poller().pollOnce()).as("the lease was given up on stop").isInstanceOf(XMentionPoller.Polled.class);
        assertThat(stub.requests("GET", "/2/users/")).hasSize(2);
    }

    @Test
    void failuresInARowWaitThePollIntervalDoublingUpToFifteenMinutes() {
        var retry = XMentionPoller.retryPolicy(Duration.ofSeconds(60));
        assertThat(List.of(1, 2, 3, 4, 5, 40)).map(retry::backoff).containsExactly(Duration.ofSeconds(60),
                Duration.ofSeconds(120), Duration.ofSeconds(240), Duration.ofSeconds(480), Duration.ofMinutes(15),
                Duration.ofMinutes(15));
        assertThat(XMentionPoller.retryPolicy(Duration.ofHours(1)).backoff(1)).isEqualTo(Duration.ofMinutes(15));
    }
}
