package io.socialbot.triage.opennlp;

import io.socialbot.triage.LexiconSentimentClassifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * What a model holds for each word it was trained on, gathered at load: the word's hash, whether the lexicon
 * negates with it, where its plain and negated forms' weights are, and the weights of its character n-grams the
 * model knows, in order. A text's known words then cost one lookup each instead of a hash and a table probe per
 * n-gram (most of which find nothing); any other word is read as {@link HashedFeatures} reads it. The sums are the
 * same, added in the same order.
 */
final class KnownWords {

    /** One known word; offsets are {@link HashedMaxent#offsetOf}'s, -1 for a form the model lacks. */
    private record Word(long hash, boolean negates, int plain, int negated, double[] grams) {
    }

    private final Map<String, Word> words = new HashMap<>();
    private final HashedMaxent weights;
    private final LexiconSentimentClassifier lexicon;

    private KnownWords(HashedMaxent weights, LexiconSentimentClassifier lexicon) {
        this.weights = weights;
        this.lexicon = lexicon;
    }

    /** The words among {@code model}'s features (plain or negated), with their weights in {@code weights}. */
    static KnownWords of(MaxentModel model, HashedMaxent weights, LexiconSentimentClassifier lexicon) {
        KnownWords known = new KnownWords(weights, lexicon);
        @SuppressWarnings("unchecked")
        Map<String, ?> features = (Map<String, ?>) ((AbstractModel) model).getDataStructures()[1];
        long[] scratch = new long[0];
        for (String feature : features.keySet()) {
            String word = feature.endsWith(SentimentFeatures.NEGATED)
                    ? feature.substring(0, feature.length() - SentimentFeatures.NEGATED.length()) : feature;
            if (!isWord(word) || known.words.containsKey(word)) {
                continue;
            }
            long hash = FeatureHash.of(word);
            IntStream.Builder grams = IntStream.builder();
            scratch = HashedFeatures.characterGrams(word, scratch, gram -> {
                int at = weights.offsetOf(gram);
                if (at >= 0) {
                    grams.add(at); // an n-gram the model never saw adds nothing: it is left out here
                }
            });
            known.words.put(word, new Word(hash, lexicon.negates(word), weights.offsetOf(hash),
                    weights.offsetOf(FeatureHash.concat(hash, HashedFeatures.NEGATED, HashedFeatures.NEGATED_LENGTH)),
                    weights.weightsAt(grams.build().toArray())));
        }
        return known;
    }

    /** Whether the word's weights were gathered at load. */
    boolean knows(String word) {
        return words.containsKey(word);
    }

    /** Letters and apostrophes from a letter on, as the lexicon's words are: other features are no word. */
    private static boolean isWord(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetter(c) && c != '\'') {
                return false;
            }
        }
        return true;
    }

    /** Adds a text's features ({@link SentimentFeatures#withCharacters}, by hash) to {@code sums}, as {@link HashedMaxent#add} of each would. */
    void add(double[] sums, String text, List<String> tokens, double lexiconScore) {
        int n = tokens.size();
        Word[] found = new Word[n];
        long[] marked = new long[n];
        int[] lengths = new int[n];
        int reach = 0;
        for (int i = 0; i < n; i++) {
            String token = tokens.get(i);
            Word w = words.get(token);
            found[i] = w;
            long h = w != null ? w.hash : FeatureHash.of(token);
            lengths[i] = token.length();
            boolean negated = false;
            if (w != null ? w.negates : lexicon.negates(token)) {
                reach = SentimentFeatures.NEGATION_REACH;
            } else if (reach-- > 0) {
                h = FeatureHash.concat(h, HashedFeatures.NEGATED, HashedFeatures.NEGATED_LENGTH);
                lengths[i] += HashedFeatures.NEGATED_LENGTH;
                negated = true;
            }
            marked[i] = h;
            if (w != null) {
                weights.addAt(sums, negated ? w.negated : w.plain, 1);
            } else {
                weights.add(sums, h, 1);
            }
        }
        HashedFeatures.bigramsAndVerdict(lexicon, text, marked, lengths, lexiconScore,
                feature -> weights.add(sums, feature, 1));
        long[] prefix = new long[0];
        for (int i = 0; i < n; i++) {
            if (found[i] != null) {
                weights.addAll(sums, found[i].grams);
            } else {
                prefix = HashedFeatures.characterGrams(tokens.get(i), prefix, gram -> weights.add(sums, gram, 1));
            }
        }
    }
}
