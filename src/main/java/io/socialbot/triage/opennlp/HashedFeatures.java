package io.socialbot.triage.opennlp;

import io.socialbot.triage.LexiconSentimentClassifier;
import java.util.function.LongConsumer;

/**
 * The parts of {@link SentimentFeatures#withCharacters} as {@link FeatureHash hashes}, made without building the
 * features' strings, for {@link KnownWords} to add in the same order (the whole sequence, as a reference, is
 * {@code ReferenceHashedFeatures} in test sources).
 */
final class HashedFeatures {

    static final long NEGATED = FeatureHash.of(SentimentFeatures.NEGATED);
    static final int NEGATED_LENGTH = SentimentFeatures.NEGATED.length();
    private static final long START = FeatureHash.of("^|");
    private static final long BAR = FeatureHash.of("|");
    private static final long END = FeatureHash.of("|$");
    private static final long GRAM = FeatureHash.of("#");
    private static final long QUESTION = FeatureHash.of(SentimentFeatures.QUESTION);
    private static final long EXCLAIM = FeatureHash.of(SentimentFeatures.EXCLAIM);
    /** The lexicon's score in quarters, {@code __lex_-4__} to {@code __lex_4__}. */
    private static final long[] QUARTERS = new long[9];

    static {
        for (int q = -4; q <= 4; q++) {
            QUARTERS[q + 4] = FeatureHash.of(SentimentFeatures.quarter(q));
        }
    }

    private HashedFeatures() {
    }

    /**
     * The features between the marked words and the n-grams: bigrams of the marked words (their hashes and lengths),
     * the lexicon's verdict and score, whether the text asks or exclaims.
     */
    static void bigramsAndVerdict(LexiconSentimentClassifier lexicon, String text, long[] marked, int[] lengths,
                                  double lexiconScore, LongConsumer out) {
        int n = marked.length;
        if (n > 0) {
            out.accept(FeatureHash.concat(START, marked[0], lengths[0]));
            for (int i = 1; i < n; i++) {
                long left = FeatureHash.concat(marked[i - 1], BAR, 1);
                out.accept(FeatureHash.concat(left, marked[i], lengths[i]));
            }
            out.accept(FeatureHash.concat(marked[n - 1], END, 2));
        }
        out.accept(FeatureHash.of(lexicon.verdictToken(lexiconScore)));
        long quarter = Math.round(lexiconScore * 4);
        out.accept(quarter >= -4 && quarter <= 4 ? QUARTERS[(int) quarter + 4]
                : FeatureHash.of(SentimentFeatures.quarter(quarter)));
        if (text != null && text.indexOf('?') >= 0) {
            out.accept(QUESTION);
        }
        if (text != null && text.indexOf('!') >= 0) {
            out.accept(EXCLAIM);
        }
    }

    /**
     * Hands the hashes of a token's character n-grams to {@code out} (none for a token not {@link
     * SentimentFeatures#takenApart taken apart}); {@code prefix} is scratch space, returned grown if it had to be.
     */
    static long[] characterGrams(String token, long[] prefix, LongConsumer out) {
        if (!SentimentFeatures.takenApart(token)) {
            return prefix;
        }
        int bounded = token.length() + 2; // "<" + token + ">"
        if (prefix.length < bounded + 1) {
            prefix = new long[bounded + 1];
        }
        prefix[1] = FeatureHash.step(0, '<');
        for (int i = 0; i < token.length(); i++) {
            prefix[i + 2] = FeatureHash.step(prefix[i + 1], token.charAt(i));
        }
        prefix[bounded] = FeatureHash.step(prefix[bounded - 1], '>');
        for (int g = SentimentFeatures.SHORTEST_GRAM; g <= SentimentFeatures.LONGEST_GRAM && g < bounded; g++) {
            for (int i = 0; i + g <= bounded; i++) {
                out.accept(FeatureHash.concat(GRAM, FeatureHash.substring(prefix, i, g), g));
            }
        }
        return prefix;
    }
}
