package io.socialbot.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed {@code /digest} request: the window and whether to post it to the channel. */
public record DigestRequest(Instant from, Instant to, boolean post) {

    private static final Pattern HOURS = Pattern.compile("(\\d{1,3})h");
    private static final Pattern SINCE = Pattern.compile("since\\s+(\\d{1,2}:\\d{2})");

    /** Parse failures carry the text to show the user. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    public static final String USAGE = "Usage: `/digest` (last hour), `/digest 6h`, `/digest since 09:00`, "
            + "`/digest post` (leads: into this channel; combine: `/digest post 6h`).";

    /**
     * {@code ""} is the last hour; {@code 6h} the last six; {@code since 09:00} from that time today in the brand's
     * zone (yesterday when it is still before then); {@code post} anywhere posts to the channel.
     */
    public static DigestRequest parse(String text, Instant now, ZoneId zone) {
        String t = text == null ? "" : text.strip().toLowerCase();
        boolean post = false;
        if (t.equals("post") || t.startsWith("post ")) {
            post = true;
            t = t.substring(4).strip();
        }
        if (t.isEmpty()) {
            return new DigestRequest(now.minus(Duration.ofHours(1)), now, post);
        }
        Matcher h = HOURS.matcher(t);
        if (h.matches()) {
            int hours = Integer.parseInt(h.group(1));
            if (hours < 1 || hours > 168) {
                throw new Invalid("Pick between 1h and 168h. " + USAGE);
            }
            return new DigestRequest(now.minus(Duration.ofHours(hours)), now, post);
        }
        Matcher s = SINCE.matcher(t);
        if (s.matches()) {
            LocalTime at;
            try {
                at = LocalTime.parse(s.group(1).length() == 4 ? "0" + s.group(1) : s.group(1));
            } catch (DateTimeParseException e) {
                throw new Invalid("`" + s.group(1) + "` is not a time of day. " + USAGE);
            }
            var today = now.atZone(zone).toLocalDate().atTime(at).atZone(zone).toInstant();
            Instant from = today.isAfter(now) ? today.minus(Duration.ofDays(1)) : today;
            return new DigestRequest(from, now, post);
        }
        throw new Invalid("I did not understand `" + io.socialbot.platform.slack.SlackText.escape(t) + "`. " + USAGE);
    }
}
