package io.socialbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.support.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The progress line: one line rewritten in place on a terminal, at most once a second, nothing at all when piped. */
class ProgressLineTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T02:00:00Z"));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalOneLineIsRewrittenWithCountRateAndTimeLeft() {
        ProgressLine line = new ProgressLine("replay", out, clock, true);
        clock.advance(Duration.ofMillis(500));
        line.reached("lines", 500, 4_000);
        assertThat(printed()).as("less than a second since the start: nothing yet").isEmpty();
        clock.advance(Duration.ofMillis(500));
        line.reached("lines", 1_000, 4_000);
        assertThat(printed()).isEqualTo("\rreplay: 1,000/4,000 lines (25%), 1,000/s, ETA 3 s");
        clock.advance(Duration.ofMillis(300));
        line.reached("lines", 1_200, 4_000);
        assertThat(printed()).as("shown at most once a second").isEqualTo("\rreplay: 1,000/4,000 lines (25%), "
                + "1,000/s, ETA 3 s");
        clock.advance(Duration.ofMillis(1_700)); // 3 s in: 3,000 lines, 1,000 to go
        line.reached("lines", 3_000, 4_000);
        assertThat(printed()).endsWith("\rreplay: 3,000/4,000 lines (75%), 1,000/s, ETA 1 s");
        clock.advance(Duration.ofSeconds(1));
        line.reached("lines", 4_000, 4_000);
        // done: no time left to show, and the shorter line blanks the end of the longer one before it
        assertThat(printed()).endsWith("\rreplay: 4,000/4,000 lines (100%), 1,000/s" + " ".repeat(8));
        String before = printed();
        line.close();
        // blanked, so the summary that follows starts on a clean line; a second close prints nothing more
        assertThat(printed().substring(before.length())).isEqualTo("\r" + " ".repeat(41) + "\r");
        line.close();
        assertThat(printed()).hasSize(before.length() + 43);
    }

    @Test
    void eachStageCountsFromWhenTheOneBeforeEndedAndAShorterLineBlanksTheTail() {
        ProgressLine line = new ProgressLine("train", out, clock, true);
        clock.advance(Duration.ofSeconds(2));
        line.reached("texts read", 9_000, 9_000);
        assertThat(printed()).isEqualTo("\rtrain: 9,000/9,000 texts read (100%), 4,500/s");
        line.reached("models trained", 0, 2);
        clock.advance(Duration.ofSeconds(5));
        line.reached("models trained", 1, 2);
        // the second stage began at 2 s, when the first ended: one model in 5 s, one to go
        assertThat(printed()).endsWith("(100%), 4,500/s\rtrain: 1/2 models trained (50%), 0.2/s, ETA 5 s");
    }

    @Test
    void aReportOfNoneDoneStartsTheStagesClockSoAStartUpIsNotCounted() {
        ProgressLine line = new ProgressLine("replay", out, clock, true);
        clock.advance(Duration.ofSeconds(5)); // the application starting
        line.reached("lines", 0, 1_000);
        assertThat(printed()).isEqualTo("\rreplay: 0/1,000 lines (0%)");
        clock.advance(Duration.ofSeconds(1));
        line.reached("lines", 100, 1_000);
        assertThat(printed()).endsWith("\rreplay: 100/1,000 lines (10%), 100/s, ETA 9 s");
    }

    @Test
    void withoutATotalItShowsCountAndRateOnly() {
        ProgressLine line = new ProgressLine("replay", out, clock, true);
        clock.advance(Duration.ofSeconds(4));
        line.reached("lines triaged", 10_000, 0);
        assertThat(printed()).isEqualTo("\rreplay: 10,000 lines triaged, 2,500/s");
    }

    @Test
    void pipedOrRedirectedItPrintsNothingAtAll() {
        ProgressLine line = new ProgressLine("eval", out, clock, false);
        for (int i = 1; i <= 10; i++) {
            clock.advance(Duration.ofSeconds(2));
            line.reached("texts", i * 100L, 1_000);
        }
        line.close();
        assertThat(line.shown()).isFalse();
        assertThat(printed()).isEmpty();
    }
}
