package io.socialbot.triage;

import java.util.List;

/**
 * Everything the lexicon's lists say about one token, gathered once when the lists are read: a post's tokens are
 * each looked up once instead of once per list, per rule and per neighbour (about eight lookups a token before).
 */
final class LexiconEntry {

    /** A token no list names. */
    static final LexiconEntry NONE = new LexiconEntry(0, null, null, false, false, false, false, null, null, null);

    /** The token's weight, 0 when the lists lack it. */
    final double valence;
    /** Phrases that start with the token, longest first; null for none. */
    final LexiconWords.Phrase[] phrases;
    /** Its strength as an intensifier ("really", "so"), null when it is none. */
    final Double boost;
    final boolean negator;
    final boolean polite;
    final boolean failure;
    /** "but", "however", "although", "though": what comes after weighs more. */
    final boolean contrast;
    /** Topic, promotion and news phrases that start with the token, as {@link SentimentCues} lists them; null for none. */
    final List<String[]> topics;
    final List<String[]> promotions;
    final List<String[]> news;

    LexiconEntry(double valence, LexiconWords.Phrase[] phrases, Double boost, boolean negator, boolean polite,
                 boolean failure, boolean contrast, List<String[]> topics, List<String[]> promotions,
                 List<String[]> news) {
        this.valence = valence;
        this.phrases = phrases;
        this.boost = boost;
        this.negator = negator;
        this.polite = polite;
        this.failure = failure;
        this.contrast = contrast;
        this.topics = topics;
        this.promotions = promotions;
        this.news = news;
    }

    /** The longest phrase of {@link #phrases} at {@code i} of {@code words} (whose entry this is), or null. */
    LexiconWords.Phrase phraseAt(List<String> words, int i) {
        if (phrases == null) {
            return null;
        }
        for (LexiconWords.Phrase p : phrases) {
            if (i + p.tokens().length > words.size()) {
                continue;
            }
            boolean match = true;
            for (int k = 1; k < p.tokens().length && match; k++) {
                String want = p.tokens()[k];
                match = want.equals("*") || want.equals(words.get(i + k));
            }
            if (match) {
                return p;
            }
        }
        return null;
    }

    /** The length of the longest of {@code candidates} (phrases starting with the word at {@code i}) there, or 0. */
    static int longestAt(List<String[]> candidates, List<String> words, int i) {
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
}
