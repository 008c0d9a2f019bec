package io.socialbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocialbotCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private PrintStream systemErr;

    @BeforeEach
    void capture() {
        systemOut = System.out;
        systemErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpOnTheJarPrintsUsageAndDoesNotStartTheBot() {
        assertThat(SocialbotCommands.isCommand(new String[] {"--help"})).isTrue();
        assertThat(SocialbotCommands.execute(new String[] {"--help"})).isZero();
        assertThat(out()).contains("Usage: socialbot", "replay", "eval", "train");
    }

    @Test
    void helpOnEveryCommandPrintsItsUsage() {
        for (String command : new String[] {"replay", "eval", "train"}) {
            out.reset();
            assertThat(SocialbotCommands.execute(new String[] {command, "--help"})).as(command).isZero();
            assertThat(out()).as(command).contains("Usage: socialbot " + command, "--file");
        }
        assertThat(out()).contains("--embeddings");
    }

    @Test
    void settingsWithoutACommandStartTheBot() {
        assertThat(SocialbotCommands.isCommand(new String[] {})).isFalse();
        assertThat(SocialbotCommands.isCommand(new String[] {"--server.port=9090"})).isFalse();
        assertThat(SocialbotCommands.isCommand(new String[] {"replay", "--file=x"})).isTrue();
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        assertThat(SocialbotCommands.execute(new String[] {"replay", "--file=in.jsonl", "--dryrun"})).isEqualTo(2);
        assertThat(err()).contains("Unknown option: '--dryrun'");
    }

    @Test
    void optionsAreTyped() {
        assertThat(SocialbotCommands.execute(new String[] {"train", "--file=a.tsv", "--out=m.bin", "--seed=abc"}))
                .isEqualTo(2);
        assertThat(err()).contains("--seed", "abc");
        err.reset();
        assertThat(SocialbotCommands.execute(new String[] {"replay", "--file=in.jsonl", "--speed=fast"})).isEqualTo(2);
        assertThat(err()).contains("--speed");
        err.reset();
        assertThat(SocialbotCommands.execute(new String[] {"eval"})).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--file=FILE.tsv'");
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertThat(SocialbotCommands.execute(new String[] {"rplay"})).isEqualTo(2);
        assertThat(err()).contains("'rplay'");
    }

    @Test
    void aCommandsOwnErrorIsReportedWithItsName() {
        assertThat(SocialbotCommands.execute(new String[] {"eval", "--file=/nonexistent/labelled.tsv"})).isEqualTo(2);
        assertThat(err()).startsWith("eval: ").contains("labelled.tsv");
    }
}
