package io.socialbot.casework.slack;

import io.socialbot.casework.CaseEvent;
import io.socialbot.casework.CaseEventListener;
import io.socialbot.casework.CaseView;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * Without a Slack token: prints each case as it is recorded, and leaves the outbox alone, so that the posts wait
 * for a bot that can deliver them (a dry run on a shared Redis never marks them as posted).
 */
final class ConsoleCasePrinter implements CaseEventListener {

    private final PrintStream out;
    private final Function<String, Optional<CaseView>> views;

    ConsoleCasePrinter(PrintStream out, Function<String, Optional<CaseView>> views) {
        this.out = out;
        this.views = views;
    }

    @Override
    public void on(CaseEvent event) {
        if (event instanceof CaseEvent.Received r) {
            views.apply(r.caseKey()).ifPresent(v -> out.println("[slack dry-run] would post to " + v.c().channel()
                    + " | " + CaseBlocks.fallback(v) + (v.decision().reasons().isEmpty() ? ""
                    : " | why: " + String.join("; ", v.decision().reasons()))));
        }
    }
}
