package io.socialbot.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds configured phrases in a mention's words, grouped (one theme per group), indexed by first word for speed. */
final class PhraseMatcher {

    /** 2 KB a filter: a few hundred first words leave most bits clear. */
    private static final int FILTER_BITS = 1 << 14;

    private record Phrase(int group, String text, String[] words) {
    }

    private final List<String> groups;
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final Map<Character, List<Phrase>> prefixFirst = new HashMap<>();
    /**
     * Bits set at {@link #bit} of every first word and of every prefix phrase's first character: a word whose bit is
     * clear starts no phrase, so most words cost a read of this small array, not a map lookup (five matchers read
     * every mention's words; the lookups were a tenth of triage's time).
     */
    private final long[] firstWords = new long[FILTER_BITS / 64];
    private final long[] firstChars = new long[FILTER_BITS / 64];

    PhraseMatcher(Map<String, List<String>> phrasesByGroup) {
        this.groups = new ArrayList<>(phrasesByGroup.keySet());
        for (int g = 0; g < groups.size(); g++) {
            for (String text : phrasesByGroup.get(groups.get(g))) {
                List<String> words = MentionText.phraseWords(String.valueOf(text));
                if (words.isEmpty()) {
                    continue;
                }
                var phrase = new Phrase(g, String.valueOf(text).trim(), words.toArray(String[]::new));
                if (phrase.words[0].endsWith("*")) {
                    prefixFirst.computeIfAbsent(phrase.words[0].charAt(0), c -> new ArrayList<>()).add(phrase);
                    set(firstChars, phrase.words[0].charAt(0));
                } else {
                    byFirstWord.computeIfAbsent(phrase.words[0], w -> new ArrayList<>()).add(phrase);
                    set(firstWords, phrase.words[0].hashCode());
                }
            }
        }
    }

    private static void set(long[] bits, int value) {
        int b = bit(value);
        bits[b >>> 6] |= 1L << b;
    }

    private static boolean isSet(long[] bits, int value) {
        int b = bit(value);
        return (bits[b >>> 6] & (1L << b)) != 0;
    }

    /** A value's place in a filter: its hash's high bits folded onto the low ones, as HashMap spreads them. */
    private static int bit(int value) {
        return (value ^ (value >>> 16)) & (FILTER_BITS - 1);
    }

    static PhraseMatcher single(String group, List<String> phrases) {
        return new PhraseMatcher(Map.of(group, phrases));
    }

    /** The first phrase found of each group that matches, in group order: {@code {emergency=ambulance, ...}}. */
    Map<String, String> find(List<String> words) {
        String[] found = null;
        int size = words.size();
        for (int i = 0; i < size; i++) {
            String w = words.get(i);
            List<Phrase> candidates = isSet(firstWords, w.hashCode()) ? byFirstWord.get(w) : null;
            if (candidates != null) {
                for (Phrase p : candidates) {
                    if ((found == null || found[p.group] == null) && matchesAt(p, words, i)) {
                        found = found == null ? new String[groups.size()] : found;
                        found[p.group] = p.text;
                    }
                }
            }
            List<Phrase> prefixed = isSet(firstChars, w.charAt(0)) ? prefixFirst.get(w.charAt(0)) : null;
            if (prefixed != null) {
                for (Phrase p : prefixed) {
                    if ((found == null || found[p.group] == null) && matchesAt(p, words, i)) {
                        found = found == null ? new String[groups.size()] : found;
                        found[p.group] = p.text;
                    }
                }
            }
        }
        if (found == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int g = 0; g < found.length; g++) {
            if (found[g] != null) {
                out.put(groups.get(g), found[g]);
            }
        }
        return out;
    }

    /** The first phrase of any group found, or null. */
    String first(List<String> words) {
        Map<String, String> found = find(words);
        return found.isEmpty() ? null : found.values().iterator().next();
    }

    private static boolean matchesAt(Phrase p, List<String> words, int at) {
        if (at + p.words.length > words.size()) {
            return false;
        }
        for (int k = 0; k < p.words.length; k++) {
            String want = p.words[k];
            String have = words.get(at + k);
            if (want.endsWith("*")) {
                if (!have.startsWith(want.substring(0, want.length() - 1))) {
                    return false;
                }
            } else if (!want.equals(have)) {
                return false;
            }
        }
        return true;
    }
}
