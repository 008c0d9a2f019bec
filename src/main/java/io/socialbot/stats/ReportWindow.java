package io.socialbot.stats;

import java.time.Instant;

/**
 * The cases a report covers: those received in {@code [from, to)}, or, when {@code incident} is set, every case
 * of that incident. {@code label} is how the window is shown back to the reader.
 */
public record ReportWindow(String label, Instant from, Instant to, String incident) {

    public static ReportWindow between(String label, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new BadWindowException("the window starts at " + from + ", which is not before " + to);
        }
        return new ReportWindow(label, from, to, null);
    }

    public static ReportWindow ofIncident(String incident) {
        return new ReportWindow("incident " + incident, null, null, incident);
    }

    public boolean isIncident() {
        return incident != null;
    }
}
