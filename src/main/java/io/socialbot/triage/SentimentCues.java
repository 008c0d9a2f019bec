package io.socialbot.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What frames a post's feeling words: topics a status question asks about ({@code sentiment/topics.txt}), marks of
 * a promotion ({@code promotions.txt}) and of a news report ({@code news.txt}), each a list of phrases of lexicon
 * tokens, indexed by first token (each token's {@link LexiconEntry} holds the phrases it starts).
 */
final class SentimentCues {

    final Map<String, List<String[]>> topics;
    final Map<String, List<String[]>> promotions;
    final Map<String, List<String[]>> news;

    SentimentCues(List<String> topics, List<String> promotions, List<String> news) {
        this.topics = index(topics);
        this.promotions = index(promotions);
        this.news = index(news);
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
