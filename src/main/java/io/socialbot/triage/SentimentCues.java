package io.socialbot.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What frames a post's feeling words: topics a status question asks about ({@code sentiment/topics.txt}), marks of
 * a promotion ({@code promotions.txt}) and of a news report ({@code news.txt}), each a list of phrases of lexicon
 * tokens.
 */
final class SentimentCues {

    private final Map<String, List<String[]>> topics;
    private final Map<String, List<String[]>> promotions;
    private final Map<String, List<String[]>> news;

    SentimentCues(List<String> topics, List<String> promotions, List<String> news) {
        this.topics = index(topics);
        this.promotions = index(promotions);
        this.news = index(news);
    }

    /** Which tokens belong to a topic phrase: "no signal" marks both of its words. */
    boolean[] topics(List<String> words) {
        boolean[] marked = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            int span = longestAt(topics, words, i);
            for (int k = 0; k < span; k++) {
                marked[i + k] = true;
            }
        }
        return marked;
    }

    boolean promotion(List<String> words) {
        return anyIn(promotions, words);
    }

    boolean news(List<String> words) {
        return anyIn(news, words);
    }

    private static boolean anyIn(Map<String, List<String[]>> phrases, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (longestAt(phrases, words, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The length of the longest phrase starting at {@code i}, or 0. */
    private static int longestAt(Map<String, List<String[]>> phrases, List<String> words, int i) {
        List<String[]> candidates = phrases.get(words.get(i));
        if (candidates == null) {
            return 0;
        }
        int longest = 0;
        for (String[] phrase : candidates) {
            if (phrase.length <= longest || i + phrase.length > words.size()) {
                continue;
            }
            boolean match = true;
            for (int k = 1; k < phrase.length && match; k++) {
                match = phrase[k].equals(words.get(i + k));
            }
            if (match) {
                longest = phrase.length;
            }
        }
        return longest;
    }

    private static Map<String, List<String[]>> index(List<String> lines) {
        Map<String, List<String[]>> byFirst = new HashMap<>();
        for (String line : lines) {
            String[] tokens = line.trim().toLowerCase(Locale.ROOT).split(" +");
            byFirst.computeIfAbsent(tokens[0], t -> new ArrayList<>()).add(tokens);
        }
        return byFirst;
    }
}
