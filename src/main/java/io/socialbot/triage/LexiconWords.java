package io.socialbot.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lexicon's word lists from {@code sentiment/*.txt}: weighted words, phrases and emoji, intensifiers, negators,
 * politeness, failures and the framing cues, and the tokenizer that knows its emoticons and emoji.
 */
final class LexiconWords {

    /** Words after which what follows weighs more, and what came before less. */
    private static final Set<String> CONTRASTS = Set.of("but", "however", "although", "though");

    final Map<String, Double> words = new HashMap<>();
    final Map<String, Double> intensifiers = new HashMap<>();
    final Set<String> negators = new HashSet<>();
    final Set<String> polite = new HashSet<>();
    final Set<String> failures = new HashSet<>();
    private final Set<String> emoticons = new HashSet<>();
    final Map<String, List<Phrase>> phrases = new HashMap<>();
    final SentimentCues cues;
    final LexiconTokenizer tokenizer;
    /** Every token any list names, with all the lists say about it: one lookup a token when scoring. */
    private final Map<String, LexiconEntry> entries = new HashMap<>();

    /** A phrase of two or more tokens; {@code *} matches any one token. */
    record Phrase(String[] tokens, double weight) {
    }

    /** The shipped lists, read once per process: cross-validation and the tests build hundreds of classifiers. */
    static LexiconWords shipped() {
        return Shipped.LISTS;
    }

    /** Holds the shipped lists; the class loader reads them on first use, once, safely for every thread. */
    private static final class Shipped {
        static final LexiconWords LISTS = new LexiconWords();
    }

    /** Reads the shipped lists; nothing changes them afterwards, so one copy serves every classifier. */
    LexiconWords() {
        readWeights("positive.txt", 1, words);
        readWeights("negative.txt", -1, words);
        readWeights("emoji.txt", 1, words);
        readWeights("intensifiers.txt", 1, intensifiers);
        for (String line : lines("negators.txt")) {
            negators.add(line);
        }
        for (String line : lines("politeness.txt")) {
            polite.add(line);
        }
        for (String line : lines("failures.txt")) {
            failures.add(line);
        }
        for (String line : lines("emoji.txt")) {
            String token = line.substring(0, line.indexOf('\t'));
            if (!Character.isLetter(token.codePointAt(0))) {
                emoticons.add(token.toLowerCase(Locale.ROOT));
            }
        }
        for (String line : lines("phrases.txt")) {
            int tab = line.lastIndexOf('\t');
            String[] tokens = line.substring(0, tab).trim().toLowerCase(Locale.ROOT).split(" +");
            double weight = Double.parseDouble(line.substring(tab + 1).trim());
            if (tokens.length == 1) {
                words.put(tokens[0], weight);
            } else {
                phrases.computeIfAbsent(tokens[0], t -> new ArrayList<>()).add(new Phrase(tokens, weight));
            }
        }
        Inflections.addTo(words, new HashSet<>(lines("gradable.txt")));
        cues = new SentimentCues(lines("topics.txt"), lines("promotions.txt"), lines("news.txt"));
        Set<String> symbols = new HashSet<>();
        for (String w : words.keySet()) {
            if (w.codePointCount(0, w.length()) == 1 && w.codePointAt(0) > 0x2000) {
                symbols.add(w);
            }
        }
        tokenizer = new LexiconTokenizer(emoticons, symbols);
        // longest phrase first, so "thanks for nothing" wins over "thanks for"
        phrases.values().forEach(list -> list.sort((a, b) -> b.tokens.length - a.tokens.length));
        Set<String> named = new HashSet<>(words.keySet());
        named.addAll(intensifiers.keySet());
        named.addAll(negators);
        named.addAll(polite);
        named.addAll(failures);
        named.addAll(phrases.keySet());
        named.addAll(cues.topics.keySet());
        named.addAll(cues.promotions.keySet());
        named.addAll(cues.news.keySet());
        named.addAll(CONTRASTS);
        for (String token : named) {
            Double valence = words.get(token);
            List<Phrase> starting = phrases.get(token);
            entries.put(token, new LexiconEntry(valence == null ? 0 : valence,
                    starting == null ? null : starting.toArray(Phrase[]::new), intensifiers.get(token),
                    negators.contains(token), polite.contains(token), failures.contains(token),
                    CONTRASTS.contains(token), cues.topics.get(token), cues.promotions.get(token),
                    cues.news.get(token)));
        }
    }

    /** What the lists say about a token; {@link LexiconEntry#NONE} for one they do not name. */
    LexiconEntry entry(String token) {
        return entries.getOrDefault(token, LexiconEntry.NONE);
    }

    private static void readWeights(String file, int sign, Map<String, Double> into) {
        for (String line : lines(file)) {
            int tab = line.lastIndexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException("sentiment/" + file + ": expected word<TAB>weight, got '" + line + "'");
            }
            into.put(line.substring(0, tab).trim().toLowerCase(Locale.ROOT),
                    sign * Double.parseDouble(line.substring(tab + 1).trim()));
        }
    }

    private static List<String> lines(String file) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = LexiconSentimentClassifier.class.getResourceAsStream("/sentiment/" + file)) {
            if (in == null) {
                throw new IllegalStateException("sentiment/" + file + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#\t") && !line.startsWith("# ")) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
