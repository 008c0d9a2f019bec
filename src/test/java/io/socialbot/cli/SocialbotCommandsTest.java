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
        assertThat(SocialbotCommands.execute(new String[] {"replay", "--file=pom.xml", "--dryrun"})).isEqualTo(2);
        assertThat(err()).contains("Unknown option: '--dryrun'");
    }

    @Test
    void optionsAreTyped() {
        assertThat(SocialbotCommands.execute(new String[] {"train", "--file=pom.xml", "--out=m.bin", "--seed=abc"}))
                .isEqualTo(2);
        assertThat(err()).contains("Invalid value for option '--seed': 'abc' is not a long");
        err.reset();
        assertThat(SocialbotCommands.execute(new String[] {"replay", "--file=pom.xml", "--speed=fast"})).isEqualTo(2);
        assertThat(err()).contains("Invalid value for option '--speed': speed must be a number like 60 or 60x, or max;"
                + " got 'fast'");
        err.reset();
        assertThat(SocialbotCommands.execute(new String[] {"eval"})).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--file=FILE.tsv'");
    }

    @Test
    void wrongValuesAreRefusedByNameBeforeAnyWorkStarts() {
        String[][] refused = {
            {"train", "--file=pom.xml", "--out=m.bin", "--iterations=ten"},
            {"train", "--file=pom.xml", "--out=m.bin", "--iterations=0"},
            {"train", "--file=pom.xml", "--out=/nonexistent/dir/m.bin"},
            {"train", "--file=pom.xml", "--out=src"},
            {"replay", "--file=pom.xml", "--speed=-5"},
            {"replay", "--file=pom.xml", "--dry-run=yes"},
            {"replay", "--file=/nonexistent/in.jsonl"},
            {"eval", "--file=pom.xml", "--model=/nonexistent/model.bin"},
            {"eval", "--file=pom.xml", "--model=pom.xml", "--lexicon"},
        };
        String[] said = {
            "Invalid value for option '--iterations': 'ten' is not an int",
            "--iterations must be at least 1, got 0",
            "Invalid value for option '--out': no such directory: /nonexistent/dir",
            "Invalid value for option '--out': src is a directory",
            "Invalid value for option '--speed': speed must be a positive number",
            "Invalid value for option '--dry-run': 'yes' is not a boolean",
            "Invalid value for option '--file': no such file: /nonexistent/in.jsonl",
            "Invalid value for option '--model': no such file: /nonexistent/model.bin",
            "--model and --lexicon cannot go together",
        };
        for (int i = 0; i < refused.length; i++) {
            err.reset();
            assertThat(SocialbotCommands.execute(refused[i])).as(String.join(" ", refused[i])).isEqualTo(2);
            assertThat(err()).as(String.join(" ", refused[i])).contains(said[i]).contains("Usage: socialbot "
                    + refused[i][0]);
        }
    }

    @Test
    void parsedValuesArriveTyped() {
        picocli.CommandLine line = new picocli.CommandLine(new SocialbotCommands(java.time.Clock.systemUTC(), false));
        SocialbotCommands.Replay replay = (SocialbotCommands.Replay) line.parseArgs("replay", "--file", "pom.xml",
                "--speed=60x", "--dry-run", "--out=rehearsal", "--brand=@Acme").subcommand().commandSpec().userObject();
        assertThat(replay.file).isEqualTo(java.nio.file.Path.of("pom.xml"));
        assertThat(replay.speed).isEqualTo(new io.socialbot.mention.replay.ReplayPace(60));
        assertThat(replay.dryRun).isTrue();
        assertThat(replay.out).isEqualTo(java.nio.file.Path.of("rehearsal"));
        assertThat(replay.brand).isEqualTo("@Acme");
        line = new picocli.CommandLine(new SocialbotCommands(java.time.Clock.systemUTC(), false));
        SocialbotCommands.Train train = (SocialbotCommands.Train) line.parseArgs("train", "--file=pom.xml",
                "--out=m.bin", "--seed=-3", "--iterations", "7", "--embeddings=false").subcommand().commandSpec()
                .userObject();
        assertThat(train.seed).isEqualTo(-3L);
        assertThat(train.iterations).isEqualTo(7);
        assertThat(train.embeddings).isFalse();
        line = new picocli.CommandLine(new SocialbotCommands(java.time.Clock.systemUTC(), false));
        SocialbotCommands.Replay defaults = (SocialbotCommands.Replay) line.parseArgs("replay", "--file=pom.xml")
                .subcommand().commandSpec().userObject();
        assertThat(defaults.speed).isEqualTo(io.socialbot.mention.replay.ReplayPace.AS_FAST_AS_POSSIBLE);
        assertThat(defaults.dryRun).isFalse();
        assertThat(defaults.out).isNull();
        line = new picocli.CommandLine(new SocialbotCommands(java.time.Clock.systemUTC(), false));
        SocialbotCommands.Train trainDefaults = (SocialbotCommands.Train) line.parseArgs("train", "--file=pom.xml",
                "--out=m.bin").subcommand().commandSpec().userObject();
        assertThat(trainDefaults.seed).isEqualTo(42L);
        assertThat(trainDefaults.iterations).as("the shipped model's").isEqualTo(200);
        assertThat(trainDefaults.withCorpus).isFalse();
        assertThat(trainDefaults.files).containsExactly(java.nio.file.Path.of("pom.xml"));
        assertThat(trainDefaults.embeddings).as("absent: the build decides").isNull();
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertThat(SocialbotCommands.execute(new String[] {"rplay"})).isEqualTo(2);
        assertThat(err()).contains("'rplay'");
    }

    @Test
    void aMissingFileIsRefusedNamingItsOption() {
        assertThat(SocialbotCommands.execute(new String[] {"eval", "--file=/nonexistent/labelled.tsv"})).isEqualTo(2);
        assertThat(err()).startsWith("Invalid value for option '--file': no such file: /nonexistent/labelled.tsv");
    }
}
