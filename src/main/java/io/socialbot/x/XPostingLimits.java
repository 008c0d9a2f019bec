package io.socialbot.x;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads X's posting limits from an answer's headers: the 15-minute window ({@code x-rate-limit-*}) and the
 * 24-hour caps of the user ({@code x-user-limit-24hour-*}) and the app ({@code x-app-limit-24hour-*}).
 */
final class XPostingLimits {

    private XPostingLimits() {
    }

    /** A limit that is used up: nothing may be posted before {@code until}; {@code what} names it for people. */
    record Exhausted(Instant until, String what) {
    }

    /** The used-up limit that lasts longest, if any; a 24-hour cap outlasts the 15-minute window. */
    static Optional<Exhausted> exhausted(UnaryOperator<String> header) {
        Exhausted longest = null;
        longest = later(longest, read(header, "x-rate-limit", "15-minute posting limit of the brand account"));
        longest = later(longest, read(header, "x-user-limit-24hour", "24-hour posting cap of the brand account"));
        longest = later(longest, read(header, "x-app-limit-24hour", "24-hour posting cap of the bot's X app"));
        return Optional.ofNullable(longest);
    }

    private static Exhausted read(UnaryOperator<String> header, String prefix, String what) {
        Long remaining = number(header.apply(prefix + "-remaining"));
        Long reset = number(header.apply(prefix + "-reset"));
        if (remaining == null || reset == null || remaining > 0) {
            return null;
        }
        return new Exhausted(Instant.ofEpochSecond(reset), what);
    }

    private static Exhausted later(Exhausted a, Exhausted b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.until().isAfter(a.until()) ? a : b;
    }

    private static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null; // a header we cannot read is no reason to stop posting
        }
    }
}
