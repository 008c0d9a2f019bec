package io.socialbot.mention;

import java.util.ArrayList;
import java.util.List;

/** Counts of one replay run or webhook batch: read, accepted, duplicates and the bad lines with their reasons. */
public final class IngestSummary {

    /** Bad lines kept with their reasons; beyond this only the count grows, so a broken 1 GB file fits in memory. */
    public static final int MAX_BAD_LINES_KEPT = 1_000;

    /** One line (or array index) that could not be read as a mention. */
    public record BadLine(long line, String reason) {
    }

    private long read;
    private long accepted;
    private long duplicates;
    private long bad;
    private final List<BadLine> badLines = new ArrayList<>();

    public synchronized void countRead() {
        read++;
    }

    public synchronized void countAccepted() {
        accepted++;
    }

    public synchronized void countDuplicate() {
        duplicates++;
    }

    public synchronized void countBad(long line, String reason) {
        bad++;
        if (badLines.size() < MAX_BAD_LINES_KEPT) {
            badLines.add(new BadLine(line, reason));
        }
    }

    public synchronized long read() {
        return read;
    }

    public synchronized long accepted() {
        return accepted;
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    public synchronized long bad() {
        return bad;
    }

    public synchronized List<BadLine> badLines() {
        return List.copyOf(badLines);
    }

    @Override
    public synchronized String toString() {
        return "read " + read + ", accepted " + accepted + ", duplicates " + duplicates + ", bad lines " + bad;
    }
}
