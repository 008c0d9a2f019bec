package io.socialbot.triage.opennlp;

import io.socialbot.triage.LabelledText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@link SentimentCrossValidation} deals the corpus into folds so that near-copies never sit on both sides:
 * {@link Scheme#BRAND} keeps each brand's posts together; {@link Scheme#KIND}, stricter, keeps each kind of post
 * (complaints, praise, news, ...) together and the first writing batch, which records no kinds, as one group, so a
 * fold's texts are of a kind or a batch the model never saw; {@link Scheme#WRITER}, closest to text from people the
 * corpus never heard, keeps each writing batch (its {@code writer=} tag: one hand, one sitting) together.
 */
final class CrossValidationFolds {

    static final int FOLDS = 5;
    private static final Pattern HANDLE = Pattern.compile("@\\w+");
    private static final Pattern KIND = Pattern.compile("\\bkind=(\\w+)");
    private static final Pattern WRITER = Pattern.compile("\\bwriter=(\\w+)");

    /** What rows are kept together. */
    enum Scheme {
        BRAND, KIND, WRITER;

        static Scheme of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private final Scheme scheme;
    private final Map<String, String> metaById;

    /** @param metaById each row's meta column by its id ({@link #meta}); {@link Scheme#BRAND} does not read it */
    CrossValidationFolds(Scheme scheme, Map<String, String> metaById) {
        this.scheme = scheme;
        this.metaById = Map.copyOf(metaById);
    }

    Scheme scheme() {
        return scheme;
    }

    /** The meta column of a labelled TSV by row id. */
    static Map<String, String> meta(Path file) throws IOException {
        Map<String, String> meta = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] parts = line.split("\t", 4);
            if (parts.length == 4) {
                meta.put(parts[0], parts[2]);
            }
        }
        return meta;
    }

    /**
     * A row's group: its first {@code @brand} (none for a post addressing nobody); or its kind, else its whole meta
     * (the batch written before kinds were recorded); or its writer.
     */
    String groupOf(LabelledText row) {
        if (scheme == Scheme.BRAND) {
            Matcher m = HANDLE.matcher(row.text());
            return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
        }
        String meta = metaById.get(row.id());
        if (meta == null) {
            throw new IllegalArgumentException("no meta for row " + row.id());
        }
        if (scheme == Scheme.WRITER) {
            Matcher writer = WRITER.matcher(meta);
            if (!writer.find()) {
                throw new IllegalArgumentException("no writer= in the meta of row " + row.id());
            }
            return "writer " + writer.group(1);
        }
        Matcher kind = KIND.matcher(meta);
        return kind.find() ? "kind " + kind.group(1) : "batch " + meta;
    }

    /**
     * Each row's fold: groups dealt out largest first to the smallest fold (ties in the order {@code random}
     * shuffles them), rows of no group dealt out one by one.
     */
    int[] folds(List<LabelledText> rows, Random random) {
        Map<String, List<Integer>> byGroup = new TreeMap<>();
        List<Integer> loose = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String group = groupOf(rows.get(i));
            if (group != null) {
                byGroup.computeIfAbsent(group, b -> new ArrayList<>()).add(i);
            } else {
                loose.add(i);
            }
        }
        List<List<Integer>> groups = new ArrayList<>(byGroup.values());
        Collections.shuffle(groups, random);
        groups.sort((a, b) -> b.size() - a.size());
        int[] fold = new int[rows.size()];
        int[] sizes = new int[FOLDS];
        for (List<Integer> group : groups) {
            int smallest = smallest(sizes);
            for (int i : group) {
                fold[i] = smallest;
            }
            sizes[smallest] += group.size();
        }
        for (int i : loose) {
            int smallest = smallest(sizes);
            fold[i] = smallest;
            sizes[smallest]++;
        }
        return fold;
    }

    private static int smallest(int[] sizes) {
        int smallest = 0;
        for (int k = 1; k < sizes.length; k++) {
            smallest = sizes[k] < sizes[smallest] ? k : smallest;
        }
        return smallest;
    }
}
