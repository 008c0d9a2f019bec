package io.socialbot.mention.replay;

import io.socialbot.mention.IngestSummary;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.MentionStore.AcceptResult;
import io.socialbot.platform.retry.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Replays a mention file into the store, at full speed or paced on the mentions' own clock. */
public final class ReplayRunner {

    /** What happened to one valid line. */
    public record LineResult(long line, String id, AcceptResult result) {
    }

    /** Told of each stored batch, in file order (the dry-run writes decisions from here). */
    public interface BatchListener {
        void afterBatch(List<LineResult> results) throws Exception;
    }

    public static final int FAST_BATCH = 256;

    private final MentionStore store;
    private final Clock clock;
    private final RetryPolicy.Sleeper sleeper;

    /** @param sleeper waits; a test passes one that only advances a fake clock */
    public ReplayRunner(MentionStore store, Clock clock, RetryPolicy.Sleeper sleeper) {
        this.store = store;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public ReplayRunner(MentionStore store) {
        this(store, Clock.systemUTC(), RetryPolicy.Sleeper.REAL);
    }

    public IngestSummary run(Path file, ReplayPace pace, BatchListener listener) throws Exception {
        IngestSummary summary = new IngestSummary();
        Instant started = clock.instant();
        Instant[] first = new Instant[1];
        // Paced replays hand over one mention at a time so that none is stored before it is due.
        new ReplayFile(file, pace.paced() ? 1 : FAST_BATCH).read(summary, batch -> {
            if (pace.paced()) {
                Instant createdAt = batch.get(0).mention().createdAt();
                if (first[0] == null) {
                    first[0] = createdAt;
                }
                Duration wait = Duration.between(clock.instant(), started.plus(pace.dueAfter(first[0], createdAt)));
                if (!wait.isNegative() && !wait.isZero()) {
                    sleeper.sleep(wait);
                }
            }
            List<AcceptResult> results = store.acceptAll(batch.stream().map(ReplayFile.Line::mention).toList());
            List<LineResult> lines = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                AcceptResult r = results.get(i);
                if (r instanceof MentionStore.Accepted) {
                    summary.countAccepted();
                } else {
                    summary.countDuplicate();
                }
                lines.add(new LineResult(batch.get(i).number(), batch.get(i).mention().id(), r));
            }
            listener.afterBatch(lines);
        });
        return summary;
    }
}
