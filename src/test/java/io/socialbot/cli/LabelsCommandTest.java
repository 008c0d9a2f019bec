package io.socialbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.triage.LabelledText;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import io.socialbot.triage.redis.RedisSentimentLabels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code labels} reads the bots' Redis and writes the rows {@code train} and {@code eval} read. */
class LabelsCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheRedis() {
        System.clearProperty("socialbot.redis.url");
        System.clearProperty("socialbot.redis.namespace");
    }

    static SentimentLabel label(String key, String text, Label shown, Label label, int minute) {
        return new SentimentLabel(key, text, "en", shown, -0.3, label, "U0AGENT",
                Instant.parse("2026-03-02T08:15:00Z").plusSeconds(60L * minute));
    }

    @Test
    void labelsGivenInSlackBecomeRowsThatTrainReadsBesideOtherFiles() throws Exception {
        RedisKeys keys = TestRedis.server().freshKeys();
        RedisSentimentLabels labels = new RedisSentimentLabels(TestRedis.server().client(), keys);
        labels.record(label("x:1", "is it down\nfor everyone?", Label.NEGATIVE, Label.NEUTRAL, 1));
        labels.record(label("x:2", "back up, thanks team", Label.POSITIVE, Label.POSITIVE, 2));
        labels.record(label("x:3", "still nothing in Leeds", Label.NEUTRAL, Label.NEGATIVE, 3));
        labels.record(label("x:4", "and again down", Label.NEUTRAL, Label.NEGATIVE, 4));
        System.setProperty("socialbot.redis.url", TestRedis.server().url());
        System.setProperty("socialbot.redis.namespace", keys.namespace());

        Path out = dir.resolve("labels.tsv");
        CommandRun run = CommandRun.of("labels", "--out=" + out);
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("labels: 4 written to " + out + "; triage agreed on 1 of 4 (25%); corrected: "
                + "2 neutral read where people said negative, 1 negative read where people said neutral");
        assertThat(LabelledText.read(out)).containsExactly(
                new LabelledText("x:1", Label.NEUTRAL, "is it down for everyone?"),
                new LabelledText("x:2", Label.POSITIVE, "back up, thanks team"),
                new LabelledText("x:3", Label.NEGATIVE, "still nothing in Leeds"),
                new LabelledText("x:4", Label.NEGATIVE, "and again down"));
        assertThat(Files.readAllLines(out).get(1)).contains("source=agents;shown=negative;score=-0.30;lang=en;by=U0AGENT");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).as("customers' words")
                    .isEqualTo("rw-------");
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no partial file left").containsExactly("labels.tsv");
        }

        Path other = dir.resolve("other.tsv");
        List<String> rows = new ArrayList<>(List.of(LabelledText.HEADER));
        for (int i = 0; i < 30; i++) {
            rows.add(LabelledText.row("o" + i, Label.values()[i % 3], "", List.of("no signal again, useless",
                    "what time do you open", "lovely staff, thank you").get(i % 3) + " " + i));
        }
        Files.write(other, rows, StandardCharsets.UTF_8);
        Path model = dir.resolve("model.bin");
        CommandRun trained = CommandRun.of("train", "--file=" + out, "--file=" + other, "--out=" + model,
                "--embeddings=false");
        assertThat(trained.code()).isZero();
        assertThat(trained.out()).startsWith("trained on 34 texts from " + out + " (4) + " + other + " (30) in ");
        assertThat(CommandRun.of("eval", "--file=" + out, "--model=" + model).out()).contains("texts 4", "macro-F1");
    }

    @Test
    void withNoRedisUrlItReadsAFreshEmbeddedRedisAndSaysSo() throws Exception {
        Path out = dir.resolve("none.tsv");
        CommandRun run = CommandRun.of("labels", "--out=" + out);
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("labels: 0 written to", "No REDIS_URL is set");
        assertThat(Files.readAllLines(out)).containsExactly(LabelledText.HEADER);
    }

    @Test
    void trainNeedsAFileOrTheCorpusAndLabelsNeedsOut() {
        CommandRun train = CommandRun.of("train", "--out=" + dir.resolve("m.bin"));
        assertThat(train.code()).isEqualTo(2);
        assertThat(train.err()).contains("give --file=FILE.tsv (once or more), --with-corpus, or both");
        CommandRun labels = CommandRun.of("labels");
        assertThat(labels.code()).isEqualTo(2);
        assertThat(labels.err()).contains("--out");
    }
}
