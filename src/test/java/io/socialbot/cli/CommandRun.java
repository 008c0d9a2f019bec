package io.socialbot.cli;

import io.socialbot.support.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** One command line run through picocli as the jar runs it, with what it printed on standard output and error. */
record CommandRun(int code, String out, String err) {

    /** As the jar runs it with its output piped: no progress line. */
    static CommandRun of(String... args) {
        return of(new SocialbotCommands(Clock.systemUTC(), false), args);
    }

    /**
     * As the jar runs it on a terminal, on a clock one second later at each reading: every progress report is
     * shown, and a report's rate is its count over the clock readings since its stage began.
     */
    static SocialbotCommands onATerminal() {
        return new SocialbotCommands(MutableClock.ticking(Instant.parse("2026-12-02T02:00:00Z"), Duration.ofSeconds(1)),
                true);
    }

    static CommandRun of(SocialbotCommands root, String... args) {
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = SocialbotCommands.execute(args, root);
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        CommandRun run = new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        systemOut.print(run.out()); // still in the test's log
        systemErr.print(run.err());
        return run;
    }
}
