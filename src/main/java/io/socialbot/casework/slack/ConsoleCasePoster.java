package io.socialbot.casework.slack;

import io.socialbot.casework.CasePoster;
import io.socialbot.casework.CaseView;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Dry run: prints what would be posted to Slack, one line per post or update. */
final class ConsoleCasePoster implements CasePoster {

    private final PrintStream out;
    private final AtomicLong sequence = new AtomicLong();

    ConsoleCasePoster(PrintStream out) {
        this.out = out;
    }

    @Override
    public Optional<String> post(CaseView v) {
        out.println("[slack dry-run] post to " + v.c().channel() + " | " + CaseBlocks.fallback(v)
                + (v.decision().reasons().isEmpty() ? "" : " | why: " + String.join("; ", v.decision().reasons())));
        return Optional.of("dry-run." + sequence.incrementAndGet());
    }

    @Override
    public boolean update(CaseView v) {
        out.println("[slack dry-run] update in " + v.c().channel() + " | case " + v.c().key() + " | "
                + CaseBlocks.status(v.c()).replaceAll(":[a-z_]+: ", "") + " | cluster size " + v.c().clusterSize());
        return true;
    }
}
