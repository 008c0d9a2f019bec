package io.socialbot.triage;

import io.socialbot.mention.Mention;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every text a faster path must answer as the plain one did: the sentiment corpus, the status questions and a
 * generated outage as {@code bench-triage} makes it (20,000 mentions, seed 42), each distinct text once.
 */
public final class TriageTexts {

    private static List<String> all;

    private TriageTexts() {
    }

    public static synchronized List<String> all() {
        if (all == null) {
            List<String> texts = new ArrayList<>();
            for (String file : List.of("/sentiment/corpus.tsv", "/sentiment/status-questions.tsv")) {
                try {
                    LabelledText.read(path(file)).forEach(row -> texts.add(row.text()));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            outage().forEach(m -> texts.add(m.text()));
            all = List.copyOf(new java.util.LinkedHashSet<>(texts)); // the outage repeats its templates' texts
        }
        return all;
    }

    /** The outage {@code bench-triage} times first. */
    public static List<Mention> outage() {
        return OutageGenerator.generate(20_000, 42, Instant.parse("2026-11-23T08:00:00Z"), Duration.ofHours(1),
                "@BrandTel");
    }

    private static Path path(String resource) {
        try {
            return Path.of(TriageTexts.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
