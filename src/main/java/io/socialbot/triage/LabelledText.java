package io.socialbot.triage;

import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of a sentiment TSV ({@code id<TAB>label<TAB>meta<TAB>text}, a header line first; labels negative,
 * neutral, positive).
 */
public record LabelledText(String id, Label label, String text) {

    /** Reads every row; a malformed row is an error naming its line, never skipped. */
    public static List<LabelledText> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty (expected a header id<TAB>label<TAB>meta<TAB>text)");
        }
        List<LabelledText> rows = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 4);
            if (parts.length < 4) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 4 tab-separated columns");
            }
            rows.add(new LabelledText(parts[0], label(parts[1], file, i + 1), parts[3]));
        }
        return rows;
    }

    private static Label label(String value, Path file, int line) {
        try {
            return Label.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + line + ": label '" + value
                    + "' is not negative, neutral or positive");
        }
    }
}
