package io.socialbot;

import java.util.Optional;

/** Placeholder replaced below. */
final class CommandLine {
    static Optional<Runnable> parse(String[] args) {
        return Optional.empty();
    }
}
