package io.socialbot.triage;

import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.io.IOException;
import java.io.InputStream;
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

    /** The header line every file starts with. */
    public static final String HEADER = "id\tlabel\tmeta\ttext";

    /**
     * One row as {@link #read} reads it back. A line break in the text becomes a space (a row is one line); a tab
     * may stay, since the text is the last column; the id and meta lose theirs, so the columns stay where they are.
     */
    public static String row(String id, Label label, String meta, String text) {
        return column(id) + "\t" + label.name().toLowerCase(Locale.ROOT) + "\t" + column(meta) + "\t"
                + text.replaceAll("\\R", " ");
    }

    private static String column(String value) {
        return value.replaceAll("[\\t\\r\\n\\u2028\\u2029\\u0085]", " ");
    }

    /** The corpus the shipped model is trained on, from the classpath. */
    public static final String CORPUS = "/sentiment/corpus.tsv";

    /** Reads every row; a malformed row is an error naming its line, never skipped. */
    public static List<LabelledText> read(Path file) throws IOException {
        return read(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The rows of the shipped corpus ({@link #CORPUS}), as {@code train --with-corpus} adds them. */
    public static List<LabelledText> readCorpus() throws IOException {
        try (InputStream in = LabelledText.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IllegalStateException(CORPUS + " is not on the classpath");
            }
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return read(all.lines().toList(), CORPUS);
        }
    }

    private static List<LabelledText> read(List<String> lines, String file) {
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

    private static Label label(String value, String file, int line) {
        try {
            return Label.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + line + ": label '" + value
                    + "' is not negative, neutral or positive");
        }
    }
}
