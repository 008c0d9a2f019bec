package io.socialbot.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link PhraseMatcher} as it was before its first-word filters: a map lookup per word and matcher (the test's reference). */
final class ReferencePhraseMatcher {

    private record Phrase(int group, String text, String[] words) {
    }

    private final List<String> groups;
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final Map<Character, List<Phrase>> prefixFirst = new HashMap<>();

    ReferencePhraseMatcher(Map<String, List<String>> phrasesByGroup) {
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
                } else {
                    byFirstWord.computeIfAbsent(phrase.words[0], w -> new ArrayList<>()).add(phrase);
                }
            }
        }
    }

    static ReferencePhraseMatcher single(String group, List<String> phrases) {
        return new ReferencePhraseMatcher(Map.of(group, phrases));
    }

    /** The first phrase found of each group that matches, in group order: {@code {emergency=ambulance, ...}}. */
    Map<String, String> find(List<String> words) {
        String[] found = null;
        int size = words.size();
        for (int i = 0; i < size; i++) {
            String w = words.get(i);
            List<Phrase> candidates = byFirstWord.get(w);
            if (candidates != null) {
                for (Phrase p : candidates) {
                    if ((found == null || found[p.group] == null) && matchesAt(p, words, i)) {
                        found = found == null ? new String[groups.size()] : found;
                        found[p.group] = p.text;
                    }
                }
            }
            List<Phrase> prefixed = prefixFirst.isEmpty() ? null : prefixFirst.get(w.charAt(0));
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
