package io.socialbot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads the options of the sentiment commands; a missing or bad one is a clear error. */
final class CommandOptions {

    private CommandOptions() {
    }

    static Path existing(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank() || value.equals("true")) {
            throw new IllegalArgumentException("--" + name + "=<path> is required");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--" + name + ": no such file " + path);
        }
        return path;
    }

    /** {@code --name} alone or {@code --name=true} is true, {@code --name=false} false, absent the fallback. */
    static boolean flag(Map<String, String> options, String name, boolean fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("--" + name + " must be true or false, got '" + value + "'");
    }

    static long number(Map<String, String> options, String name, long fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'");
        }
    }

}
