package io.socialbot.cli;

import io.socialbot.platform.progress.Progress;
import io.socialbot.stats.Durations;
import java.io.Console;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The command line's one progress reporter: on a terminal, a single line rewritten in place at most once every
 * {@link #EVERY} ({@code replay: 12,000/20,000 lines (60%), 4,100/s, ETA 2 s}) and blanked when the job ends, so the
 * summary prints as it always did; when output is piped or redirected it prints nothing at all. Time comes from the
 * injected clock.
 */
final class ProgressLine implements Progress, AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(1);

    private final String command;
    private final PrintStream out;
    private final Clock clock;
    private final boolean shown;
    private String stage;
    private Instant stageStarted;
    private Instant lastReached;
    private Instant lastShown;
    /** Characters of the line on screen, so a shorter one blanks the tail of the one before. */
    private int width;

    ProgressLine(String command, PrintStream out, Clock clock, boolean terminal) {
        this.command = command;
        this.out = out;
        this.clock = clock;
        this.shown = terminal;
        this.lastReached = clock.instant();
        this.lastShown = lastReached;
    }

    /**
     * Whether standard output is a terminal a person watches. Java 17 has a console only when standard input and
     * output both are one; Java 22 and later have one when redirected too, and say so with {@code isTerminal()}.
     */
    static boolean outputIsATerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Whether anything will be shown: a command skips work done only for the display (counting lines) if not. */
    boolean shown() {
        return shown;
    }

    @Override
    public synchronized void reached(String stage, long done, long total) {
        if (!shown) {
            return;
        }
        Instant now = clock.instant();
        if (!stage.equals(this.stage)) {
            // a report of none done marks when the work began (after a start-up, say); else it began when the last
            // unit of the stage before was done
            this.stage = stage;
            stageStarted = done == 0 ? now : lastReached;
        }
        lastReached = now;
        if (Duration.between(lastShown, now).compareTo(EVERY) < 0) {
            return;
        }
        lastShown = now;
        String text = text(stage, done, total, Duration.between(stageStarted, now));
        out.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        out.flush();
        width = text.length();
    }

    private String text(String stage, long done, long total, Duration elapsed) {
        StringBuilder line = new StringBuilder(command).append(": ");
        boolean bounded = total >= done && total > 0;
        if (bounded) {
            line.append(String.format(Locale.ROOT, "%,d/%,d %s (%d%%)", done, total, stage, done * 100 / total));
        } else {
            line.append(String.format(Locale.ROOT, "%,d %s", done, stage));
        }
        double seconds = elapsed.toNanos() / 1e9;
        if (seconds > 0 && done > 0) {
            double rate = done / seconds;
            line.append(String.format(Locale.ROOT, rate < 10 ? ", %.1f/s" : ", %,.0f/s", rate));
            if (bounded && done < total) {
                line.append(", ETA ").append(Durations.exact(Duration.ofSeconds((long) Math.ceil((total - done) / rate))));
            }
        }
        return line.toString();
    }

    /** Blanks the line if one was shown, so what the command prints next starts on a clean line. Idempotent. */
    @Override
    public synchronized void close() {
        if (width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            out.flush();
            width = 0;
        }
    }
}
