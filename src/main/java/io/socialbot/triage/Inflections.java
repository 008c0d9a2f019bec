package io.socialbot.triage;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The word forms the lexicon adds to its lists, so a post's "delays" or "kindest" is found with one lookup. */
final class Inflections {

    private Inflections() {
    }

    /**
     * Adds the plain inflections of every listed word ("delays", "cancelling") up front, one lookup per token, and
     * superlatives of the gradable adjectives only ("kindest", "happiest", "saddest"; never "latest" from "late").
     */
    static void addTo(Map<String, Double> words, Set<String> gradable) {
        Map<String, Double> forms = new HashMap<>();
        words.forEach((w, v) -> {
            if (w.length() < 3 || !Character.isLetter(w.charAt(0))) {
                return;
            }
            String stem = w.endsWith("e") ? w.substring(0, w.length() - 1) : w;
            for (String form : new String[] {w + "s", w + "es", stem + "ed", stem + "ing"}) {
                forms.putIfAbsent(form, v);
            }
            if (gradable.contains(w)) {
                forms.putIfAbsent(superlative(w), v);
            }
        });
        forms.forEach(words::putIfAbsent);
    }

    /** "kind" kindest, "nice" nicest, "happy" happiest, "sad" saddest. */
    static String superlative(String adjective) {
        int n = adjective.length();
        if (adjective.endsWith("e")) {
            return adjective + "st";
        }
        if (adjective.endsWith("y") && n > 2 && "aeiou".indexOf(adjective.charAt(n - 2)) < 0) {
            return adjective.substring(0, n - 1) + "iest";
        }
        boolean shortVowelEnd = n == 3 && "aeiou".indexOf(adjective.charAt(1)) >= 0
                && "aeiouwy".indexOf(adjective.charAt(2)) < 0 && "aeiou".indexOf(adjective.charAt(0)) < 0;
        return shortVowelEnd ? adjective + adjective.charAt(n - 1) + "est" : adjective + "est";
    }
}
