package io.socialbot.mention.replay;

import io.socialbot.support.MutableClock;
import static io.socialbot.support.Mentions.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.IngestSummary;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.support.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayRunnerTest {

    @TempDir
    Path dir;

    private final MentionStore store = new RedisMentionStore(TestRedis.client(), TestRedis.freshKeys());

    @Test
    void badLinesInTheMiddleAreReportedWithLineNumbersAndTheReplayGoesOn() throws Exception {
        Path file = dir.resolve("incident.jsonl");
        Files.write(file, List.of(
                line("1", "first", "2026-03-02T08:00:00Z"),
                "{this is not json",
                line("2", "second", "2026-03-02T08:01:00Z"),
                "",
                "{\"id\":\"3\",\"text\":\"no date\",\"author\":{\"handle\":\"x\"}}",
                line("1", "first again", "2026-03-02T08:00:00Z"),
                "{\"id\":\"4\",\"text\":\"bad date\",\"created_at\":\"02/03/2026\",\"author\":{\"handle\":\"x\"}}",
                line("5", "last", "2026-03-02T08:03:00Z")));
        List<ReplayRunner.LineResult> seen = new ArrayList<>();
        IngestSummary summary = new ReplayRunner(store).run(file, ReplayPace.AS_FAST_AS_POSSIBLE, seen::addAll);
        assertThat(summary.read()).isEqualTo(7);
        assertThat(summary.accepted()).isEqualTo(3);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.bad()).isEqualTo(3);
        assertThat(summary.badLines()).extracting(IngestSummary.BadLine::line).containsExactly(2L, 5L, 7L);
        assertThat(summary.badLines().get(1).reason()).startsWith("created_at");
        assertThat(summary.badLines().get(2).reason()).contains("ISO-8601");
        assertThat(seen).extracting(ReplayRunner.LineResult::line).containsExactly(1L, 3L, 6L, 8L);
        assertThat(seen.get(2).result()).isInstanceOf(MentionStore.Duplicate.class);
        assertThat(store.find("twitter:5")).isPresent();
    }

    @Test
    void pacedReplayWaitsOnTheMentionsOwnClockDividedBySpeed() throws Exception {
        Path file = dir.resolve("paced.jsonl");
        Files.write(file, List.of(
                line("p1", "a", "2026-03-02T08:00:00Z"),
                line("p2", "b", "2026-03-02T08:30:00Z"),
                line("p3", "c", "2026-03-02T09:00:00Z")));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
        List<Duration> waits = new ArrayList<>();
        ReplayRunner runner = new ReplayRunner(store, clock, d -> {
            waits.add(d);
            clock.advance(d);
        });
        runner.run(file, ReplayPace.parse("60x"), r -> { });
        // an hour of mentions at 60x: due at 0 s, 30 s and 60 s after the start
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void speedParsing() {
        assertThat(ReplayPace.parse("max").paced()).isFalse();
        assertThat(ReplayPace.parse("60").speed()).isEqualTo(60);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReplayPace.parse("fast"))
                .hasMessageContaining("speed must be a number");
    }
}
