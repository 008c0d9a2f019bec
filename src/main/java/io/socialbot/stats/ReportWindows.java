package io.socialbot.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the window part of {@code /stats}: {@code today}, {@code 7d}, {@code 24h}, {@code since 2026-07-11}, {@code incident <name>}. */
public final class ReportWindows {

    /** What is accepted, for help and error messages. */
    public static final String ACCEPTED = "`today` (the default), `7d` (1-90 days), `24h` (1-720 hours), "
            + "`since 2026-07-11` (a date in the last 90 days), or `incident <name>`";

    static final int MAX_DAYS = 90;
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,4})([dh])");

    private final Clock clock;
    private final ZoneId zone;

    public ReportWindows(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ReportWindow parse(String text) {
        String t = text == null ? "" : text.trim();
        Instant now = clock.instant();
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || lower.equals("today")) {
            Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
            return ReportWindow.between("today", midnight, now.plusMillis(1));
        }
        if (lower.equals("incident") || lower.startsWith("incident ")) {
            String name = t.substring("incident".length()).trim();
            if (name.isEmpty()) {
                throw new BadWindowException("`incident` needs the incident's name, e.g. `incident outage-north`.");
            }
            return ReportWindow.ofIncident(name);
        }
        if (lower.equals("since") || lower.startsWith("since ")) {
            String date = t.substring("since".length()).trim();
            LocalDate day;
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new BadWindowException("`since` needs a date as YYYY-MM-DD, e.g. `since 2026-07-11`; got `"
                        + date + "`.");
            }
            Instant from = day.atStartOfDay(zone).toInstant();
            if (from.isAfter(now)) {
                throw new BadWindowException(date + " is in the future.");
            }
            if (Duration.between(from, now).toDays() > MAX_DAYS) {
                throw new BadWindowException(date + " is more than " + MAX_DAYS + " days ago; reports go back "
                        + MAX_DAYS + " days at most.");
            }
            return ReportWindow.between("since " + day, from, now.plusMillis(1));
        }
        Matcher m = RELATIVE.matcher(lower);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            boolean days = m.group(2).equals("d");
            int max = days ? MAX_DAYS : MAX_DAYS * 8;
            if (n < 1 || n > max) {
                throw new BadWindowException("`" + t + "` is out of range: use 1-" + max + (days ? " days." : " hours."));
            }
            Duration span = days ? Duration.ofDays(n) : Duration.ofHours(n);
            return ReportWindow.between("last " + n + (days ? "d" : "h"), now.minus(span), now.plusMillis(1));
        }
        throw new BadWindowException("I can't read the window `" + t + "`. Use " + ACCEPTED + ".");
    }
}
