package io.socialbot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialbot.mention.IngestSummary;
import io.socialbot.mention.MentionJson;
import io.socialbot.mention.MentionQueue;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.replay.ReplayPace;
import io.socialbot.mention.replay.ReplayRunner;
import io.socialbot.platform.progress.Progress;
import io.socialbot.platform.schedule.DaemonThreads;
import io.socialbot.triage.DecisionJson;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.DefaultMentionTriage;
import io.socialbot.triage.MentionTimeTriage;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageWorker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code replay --file=F [--speed=60]} stores a file's mentions in the configured Redis for the running bots;
 * {@code replay --dry-run --file=F --out=DIR [--brand=@Handle]} runs the whole pipeline on an embedded Redis with
 * Slack and X off, and writes {@code DIR/decisions.jsonl} (one line per valid input line, in input order) and
 * {@code DIR/summary.json}.
 */
public final class ReplayCommand {

    /** A rehearsal also never touches a shared Redis: it runs on its own embedded one. */
    static final List<String> REHEARSAL = List.of("--socialbot.redis.url=");

    /**
     * What {@code replay} was asked.
     *
     * @param out   where a dry run writes; required with {@code dryRun}, unused without
     * @param brand the brand's handles for this run, or null for the configured ones
     */
    record Options(Path file, ReplayPace pace, boolean dryRun, Path out, String brand) {
        Options {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(pace, "pace");
            if (dryRun && out == null) {
                throw new IllegalArgumentException("--out=DIR is required with --dry-run");
            }
        }
    }

    private ReplayCommand() {
    }

    static int run(Options options, ProgressLine progress) throws Exception {
        Path input = options.file();
        List<String> properties = new ArrayList<>();
        if (options.dryRun()) {
            properties.addAll(REHEARSAL);
        }
        if (options.brand() != null) {
            properties.add("--socialbot.triage.brand.handles=" + options.brand());
        }
        try (ConfigurableApplicationContext context = OneShotContext.start(properties)) {
            MentionStore store = context.getBean(MentionStore.class);
            long lines = progress.shown() ? lineCount(input) : 0; // only a progress line needs the total
            String stage = options.dryRun() ? "lines triaged" : "lines";
            progress.reached(stage, 0, lines); // from here on, after the start-up
            if (!options.dryRun()) {
                IngestSummary summary = new ReplayRunner(store).run(input, options.pace(),
                        results -> progress.reached(stage, results.get(results.size() - 1).line(), lines));
                progress.close();
                System.out.println("replay: " + summary);
                summary.badLines().forEach(b -> System.out.println("  bad line " + b.line() + ": " + b.reason()));
                return 0;
            }
            Path out = Files.createDirectories(options.out());
            long started = System.nanoTime();
            IngestSummary summary = dryRun(input, options.pace(), out, store, rehearsalWorker(context),
                    (triaged, done, total) -> progress.reached(triaged, done, lines));
            progress.close();
            System.out.printf("dry run: %s in %.2f s after start-up; wrote %s and %s%n", summary,
                    (System.nanoTime() - started) / 1e9, out.resolve("decisions.jsonl"), out.resolve("summary.json"));
            return 0;
        }
    }

    /** The file's lines as the replay numbers them (a last line without a newline counts), read as bytes. */
    static long lineCount(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    /**
     * The worker of a rehearsal: the configured triage, with posts paced on the mentions' own clock, and no
     * listeners: a dry run records decisions, it does not post or count.
     */
    public static TriageWorker rehearsalWorker(ConfigurableApplicationContext context) {
        return new TriageWorker(context.getBean(MentionQueue.class), context.getBean(MentionStore.class),
                new MentionTimeTriage(context.getBean(DefaultMentionTriage.class)), context.getBean(DecisionStore.class),
                List.of());
    }

    /**
     * Stores the file's mentions on this thread while a second one triages and writes each stored batch, so reading
     * and triage share the two cores; at most two batches wait, and lines still come out in input order. {@code
     * progress} hears the line reached after each batch is written (its total unknown here: 0).
     */
    public static IngestSummary dryRun(Path input, ReplayPace pace, Path out, MentionStore store, TriageWorker worker,
                                       Progress progress) throws Exception {
        ExecutorService triage = DaemonThreads.pool("dry-run-triage", 1);
        Semaphore waiting = new Semaphore(2);
        Deque<Future<?>> batches = new ArrayDeque<>();
        IngestSummary summary;
        try (BufferedWriter decisions = Files.newBufferedWriter(out.resolve("decisions.jsonl"), StandardCharsets.UTF_8)) {
            summary = new ReplayRunner(store).run(input, pace, results -> {
                waiting.acquire();
                while (!batches.isEmpty() && batches.peekFirst().isDone()) {
                    finished(batches.removeFirst()); // a failed batch stops the replay here
                }
                batches.addLast(triage.submit(() -> {
                    try {
                        decideAndWrite(results, worker, decisions);
                        progress.reached("lines triaged", results.get(results.size() - 1).line(), 0);
                    } finally {
                        waiting.release();
                    }
                    return null;
                }));
            });
            while (!batches.isEmpty()) {
                finished(batches.removeFirst());
            }
        } finally {
            triage.shutdownNow();
        }
        Files.writeString(out.resolve("summary.json"), summaryJson(summary).toPrettyString() + "\n");
        return summary;
    }

    private static void finished(Future<?> batch) throws Exception {
        try {
            batch.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Decides everything one stored batch queued, then writes its lines in input order. */
    private static void decideAndWrite(List<ReplayRunner.LineResult> results, TriageWorker worker,
                                       BufferedWriter decisions) throws Exception {
        Set<String> expected = new HashSet<>();
        for (ReplayRunner.LineResult r : results) {
            if (r.result() instanceof MentionStore.Accepted) {
                expected.add(r.result().key());
            }
        }
        Map<String, TriageDecision> decided = new HashMap<>();
        while (decided.size() < expected.size()) {
            // the stream holds the batches in file order: take no more than this batch still owes
            List<TriageWorker.Decided> batch = worker.processAvailable(expected.size() - decided.size(), Duration.ZERO);
            if (batch.isEmpty() || !batch.stream().allMatch(d -> expected.contains(d.decision().key()))) {
                throw new IllegalStateException((expected.size() - decided.size()) + " mention(s) of this batch "
                        + "could not be triaged; the log names them");
            }
            batch.forEach(d -> decided.put(d.decision().key(), d.decision()));
        }
        for (ReplayRunner.LineResult r : results) {
            ObjectNode line;
            if (r.result() instanceof MentionStore.Accepted) {
                line = DecisionJson.toJson(decided.get(r.result().key()));
            } else {
                line = MentionJson.mapper().createObjectNode();
                line.put("id", r.id());
                line.put("key", r.result().key());
                line.put("duplicate", true);
            }
            line.put("line", r.line());
            decisions.write(line.toString());
            decisions.newLine();
        }
    }

    static ObjectNode summaryJson(IngestSummary summary) {
        ObjectNode node = MentionJson.mapper().createObjectNode();
        node.put("read", summary.read());
        node.put("accepted", summary.accepted());
        node.put("duplicates", summary.duplicates());
        node.put("bad_line_count", summary.bad());
        ArrayNode bad = node.putArray("bad_lines");
        summary.badLines().forEach(b -> bad.addObject().put("line", b.line()).put("reason", b.reason()));
        return node;
    }
}
