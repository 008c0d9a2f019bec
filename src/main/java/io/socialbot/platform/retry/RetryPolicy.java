package io.socialbot.platform.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * The bot's one retry/backoff policy: up to {@code attempts} tries, waits doubling from {@code firstBackoff} up to
 * {@code maxBackoff}, and a wait the server asked for (Retry-After, a rate-limit reset) honoured whatever its length.
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= firstBackoff <= maxBackoff, was " + firstBackoff + ", "
                    + maxBackoff);
        }
    }

    /** The backoff after {@code failures} failures in a row (1 = the first): first, 2 x first, 4 x first... capped. */
    public Duration backoff(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 1, 62);
        Duration wait = firstBackoff;
        for (int i = 0; i < doublings && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** The wait after failure number {@code failures}: the server's wait when it gave one (never shortened), else the backoff. */
    public Duration waitAfter(int failures, Duration serverWait) {
        if (serverWait != null && !serverWait.isNegative()) {
            return serverWait;
        }
        return backoff(failures);
    }

    /** Whether another try is allowed after {@code failures} failed ones. */
    public boolean mayRetry(int failures) {
        return failures < attempts;
    }

    /** One try of the work: returns its outcome; may throw {@link InterruptedException} when the thread is stopped. */
    @FunctionalInterface
    public interface Attempt<T> {
        Outcome<T> run(int attempt) throws InterruptedException;
    }

    /** Waits between tries; tests pass one that records the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        /** Sleeps the whole wait, the part below a millisecond too (a paced replay waits to an exact due time). */
        Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

        void sleep(Duration wait) throws InterruptedException;
    }

    /** What one try gave. */
    public sealed interface Outcome<T> {
        /** It worked. */
        record Done<T>(T value) implements Outcome<T> {
        }

        /** It failed and trying again will not help (a refusal, a bad request). */
        record Refused<T>(String reason) implements Outcome<T> {
        }

        /** It failed and may work later; {@code serverWait} is the wait the server asked for, or null. */
        record Transient<T>(String reason, Duration serverWait) implements Outcome<T> {
        }

        static <T> Outcome<T> done(T value) {
            return new Done<>(value);
        }

        static <T> Outcome<T> refused(String reason) {
            return new Refused<>(reason);
        }

        static <T> Outcome<T> retry(String reason, Duration serverWait) {
            return new Transient<>(reason, serverWait);
        }
    }

    /** How a run ended. */
    public sealed interface Result<T> {
        /** A try worked. */
        record Succeeded<T>(T value, int attempts) implements Result<T> {
        }

        /** A try was refused, or every try failed. */
        record GaveUp<T>(String reason, int attempts) implements Result<T> {
        }

        /** The server asked for a wait longer than the caller may block: try again after {@code retryAfter}. */
        record Deferred<T>(String reason, Duration retryAfter, int attempts) implements Result<T> {
        }

        /** The thread was interrupted while waiting; its interrupt flag is set again. */
        record Interrupted<T>(String reason, int attempts) implements Result<T> {
        }
    }

    /**
     * Runs {@code attempt} until it is done or refused or the tries are spent, waiting between tries through
     * {@code sleeper}. A server-given wait longer than {@code longestBlockingWait} is not slept here: the run ends
     * {@link Result.Deferred} with that wait, so the caller retries it later (a schedule, a stored retry) as asked.
     */
    public <T> Result<T> run(Attempt<T> attempt, Sleeper sleeper, Duration longestBlockingWait) {
        for (int tries = 1; ; tries++) {
            Outcome<T> outcome;
            try {
                outcome = attempt.run(tries);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result.Interrupted<>("interrupted", tries);
            }
            if (outcome instanceof Outcome.Done<T> done) {
                return new Result.Succeeded<>(done.value(), tries);
            }
            if (outcome instanceof Outcome.Refused<T> refused) {
                return new Result.GaveUp<>(refused.reason(), tries);
            }
            Outcome.Transient<T> failed = (Outcome.Transient<T>) outcome;
            Duration wait = waitAfter(tries, failed.serverWait());
            if (failed.serverWait() != null && wait.compareTo(longestBlockingWait) > 0) {
                return new Result.Deferred<>(failed.reason(), wait, tries);
            }
            if (!mayRetry(tries)) {
                return new Result.GaveUp<>(failed.reason(), tries);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result.Interrupted<>(failed.reason(), tries);
            }
        }
    }
}
