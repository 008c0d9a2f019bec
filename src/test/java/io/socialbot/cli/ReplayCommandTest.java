package io.socialbot.cli;

import static io.socialbot.support.Mentions.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialbot.mention.MentionJson;
import io.socialbot.mention.redis.RedisMentionQueue;
import io.socialbot.mention.redis.RedisMentionStore;
import io.socialbot.mention.replay.ReplayPace;
import io.socialbot.mention.replay.ReplayRunner;
import io.socialbot.platform.progress.Progress;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.triage.MentionTriage;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageWorker;
import io.socialbot.triage.redis.RedisDecisionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dry-run command end to end: a real Spring context on its own embedded Redis, no Slack, no X. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    @Test
    void dryRunWritesOneDecisionPerValidLineInInputOrderAndASummary() throws Exception {
        Path file = dir.resolve("in.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 600; i++) { // more than one store batch
            lines.add(line("m" + i, "@BrandTel still no signal " + i, "2026-03-02T08:00:00Z"));
            if (i == 300) {
                lines.add("garbage line");
                lines.add(line("m7", "re-delivered", "2026-03-02T08:00:00Z"));
            }
        }
        Files.write(file, lines);
        Path out = dir.resolve("out");
        // on a terminal, so the progress line shows; the summary line and the files are as they always were
        CommandRun run = CommandRun.of(CommandRun.onATerminal(), "replay", "--dry-run", "--file=" + file,
                "--out=" + out);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(ReplayCommand.lineCount(file)).isEqualTo(602);
        // batches of 256 valid lines: the first ends at line 256, the second at 513 (past the bad line 302)
        assertThat(run.out()).contains("\rreplay: 256/602 lines triaged (42%), ", "\rreplay: 513/602 lines triaged (85%), ",
                "\rreplay: 602/602 lines triaged (100%), ");
        String summaryLine = run.out().substring(run.out().lastIndexOf('\r') + 1);
        assertThat(summaryLine).startsWith("dry run: read 602, accepted 600, duplicates 1, bad lines 1 in ").hasLineCount(1);

        List<String> decisions = Files.readAllLines(out.resolve("decisions.jsonl"));
        assertThat(decisions).hasSize(601);
        JsonNode first = MentionJson.mapper().readTree(decisions.get(0));
        assertThat(first.get("id").asText()).isEqualTo("m0");
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(first.get("line").asLong()).isEqualTo(1);
        for (String field : List.of("lang", "sentiment", "priority", "reasons", "themes", "cluster", "posted_to")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        JsonNode dup = MentionJson.mapper().readTree(decisions.get(301));
        assertThat(dup.get("id").asText()).isEqualTo("m7");
        assertThat(dup.get("duplicate").asBoolean()).isTrue();
        assertThat(MentionJson.mapper().readTree(decisions.get(302)).get("id").asText()).isEqualTo("m301");
        assertThat(MentionJson.mapper().readTree(decisions.get(600)).get("id").asText()).isEqualTo("m599");

        JsonNode summary = MentionJson.mapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("read").asInt()).isEqualTo(602);
        assertThat(summary.get("accepted").asInt()).isEqualTo(600);
        assertThat(summary.get("duplicates").asInt()).isEqualTo(1);
        assertThat(summary.get("bad_lines").get(0).get("line").asInt()).isEqualTo(302);
        assertThat(summary.get("bad_lines").get(0).get("reason").asText()).contains("not JSON");
    }

    @Test
    void aMentionThatCannotBeTriagedStopsTheDryRunAfterTheBatchesBeforeIt() throws Exception {
        Path file = dir.resolve("in.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            lines.add(line("m" + i, "@BrandTel still no signal " + i, "2026-03-02T08:00:00Z"));
        }
        Files.write(file, lines);
        RedisKeys keys = TestRedis.freshKeys();
        RedisMentionStore store = new RedisMentionStore(TestRedis.client(), keys);
        MentionTriage failsOnOne = m -> {
            if (m.id().equals("m600")) {
                throw new IllegalStateException("bug");
            }
            return new TriageDecision(m.key(), m.id(), "en", null, TriageDecision.Priority.P3, List.of(), List.of(),
                    new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.SINGLE, 1), true, null);
        };
        TriageWorker worker = new TriageWorker(new RedisMentionQueue(TestRedis.client(), keys, "dry"), store,
                failsOnOne, new RedisDecisionStore(TestRedis.client(), keys), List.of());
        Path out = Files.createDirectories(dir.resolve("out"));

        assertThatThrownBy(() -> ReplayCommand.dryRun(file, ReplayPace.AS_FAST_AS_POSSIBLE, out, store, worker,
                Progress.NONE))
                .hasMessageContaining("could not be triaged");
        List<String> written = Files.readAllLines(out.resolve("decisions.jsonl"));
        // the two whole batches before the one holding m600 are written, in order, and nothing after
        assertThat(written).hasSize(2 * ReplayRunner.FAST_BATCH);
        for (int i = 0; i < written.size(); i++) {
            assertThat(MentionJson.mapper().readTree(written.get(i)).get("id").asText()).isEqualTo("m" + i);
        }
    }

    @Test
    void missingOptionsAreExplained() {
        CommandRun noFile = CommandRun.of("replay", "--dry-run");
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).contains("Missing required option: '--file=FILE'");
        CommandRun noOut = CommandRun.of("replay", "--dry-run", "--file=pom.xml");
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out=DIR is required with --dry-run");
    }

    @Test
    void theLineCountIsTheReplaysLineNumbering() throws Exception {
        assertThat(ReplayCommand.lineCount(Files.writeString(dir.resolve("a"), ""))).isZero();
        assertThat(ReplayCommand.lineCount(Files.writeString(dir.resolve("b"), "x"))).isEqualTo(1);
        assertThat(ReplayCommand.lineCount(Files.writeString(dir.resolve("c"), "x\n\ny\n"))).isEqualTo(3);
        assertThat(ReplayCommand.lineCount(Files.writeString(dir.resolve("d"), "x\ny"))).isEqualTo(2);
    }
}
