package io.socialbot.triage.opennlp;

import io.socialbot.triage.LexiconSentimentClassifier;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * {@link SentimentFeatures#withCharacters} as hashes, feature by feature in order: the sequence {@link KnownWords}
 * must sum the same as (it was the product's path before known words were gathered at load).
 */
final class ReferenceHashedFeatures {

    private ReferenceHashedFeatures() {
    }

    /** Hands each feature's hash to {@code out}: marked words, bigrams, the lexicon's verdict, character n-grams. */
    static void withCharacters(LexiconSentimentClassifier lexicon, String text, List<String> tokens,
                               double lexiconScore, LongConsumer out) {
        int n = tokens.size();
        long[] marked = new long[n];
        int[] lengths = new int[n];
        int reach = 0;
        for (int i = 0; i < n; i++) {
            String token = tokens.get(i);
            long h = FeatureHash.of(token);
            lengths[i] = token.length();
            if (lexicon.negates(token)) {
                reach = SentimentFeatures.NEGATION_REACH;
            } else if (reach-- > 0) {
                h = FeatureHash.concat(h, HashedFeatures.NEGATED, HashedFeatures.NEGATED_LENGTH);
                lengths[i] += HashedFeatures.NEGATED_LENGTH;
            }
            marked[i] = h;
            out.accept(h);
        }
        HashedFeatures.bigramsAndVerdict(lexicon, text, marked, lengths, lexiconScore, out);
        long[] prefix = new long[0];
        for (String token : tokens) {
            prefix = HashedFeatures.characterGrams(token, prefix, out);
        }
    }
}
