package io.socialbot.triage.opennlp;

import io.socialbot.triage.LexiconSentimentClassifier;
import java.util.ArrayList;
import java.util.List;

/** What a trained sentiment model sees in a tweet: marked words, bigrams, the lexicon's verdict, character n-grams. */
final class SentimentFeatures {

    /** Suffix of a word in a negator's reach: "not helpful" gives "helpful_NEG", which the model weighs apart. */
    static final String NEGATED = "_NEG";
    /** How many words after a negator it reaches, as in the lexicon's own rule. */
    static final int NEGATION_REACH = 3;
    static final int SHORTEST_GRAM = 3;
    static final int LONGEST_GRAM = 5;
    static final String QUESTION = "__question__";
    static final String EXCLAIM = "__exclaim__";

    private SentimentFeatures() {
    }

    /**
     * The lexicon's tokens with negation marked, their bigrams (with {@code ^} and {@code $} at the ends), the
     * lexicon's verdict and score, and whether the text asks or exclaims.
     */
    static List<String> words(LexiconSentimentClassifier lexicon, String text) {
        return wordFeatures(lexicon, text, lexicon.tokens(text), lexicon.score(text));
    }

    /**
     * {@link #words} plus the character 3- to 5-grams of each word between {@code <} and {@code >}, so "delayed",
     * "delays" and "delayyy" share evidence even where one of them is rare.
     */
    static List<String> withCharacters(LexiconSentimentClassifier lexicon, String text) {
        return withCharacters(lexicon, text, lexicon.score(text));
    }

    /** {@link #withCharacters(LexiconSentimentClassifier, String)} for a text the lexicon has already scored. */
    static List<String> withCharacters(LexiconSentimentClassifier lexicon, String text, double lexiconScore) {
        List<String> tokens = lexicon.tokens(text);
        List<String> features = wordFeatures(lexicon, text, tokens, lexiconScore);
        for (String token : tokens) {
            addCharacterGrams(token, features);
        }
        return features;
    }

    /** A text's {@link #words} and its {@link #withCharacters}, read and scored once for both. */
    record Both(List<String> words, List<String> withCharacters) {
    }

    static Both both(LexiconSentimentClassifier lexicon, String text) {
        List<String> tokens = lexicon.tokens(text);
        List<String> words = wordFeatures(lexicon, text, tokens, lexicon.score(text));
        List<String> withCharacters = new ArrayList<>(words);
        for (String token : tokens) {
            addCharacterGrams(token, withCharacters);
        }
        return new Both(words, withCharacters);
    }

    private static List<String> wordFeatures(LexiconSentimentClassifier lexicon, String text, List<String> tokens,
                                             double lexiconScore) {
        List<String> marked = new ArrayList<>(tokens.size());
        int reach = 0;
        for (String token : tokens) {
            if (lexicon.negates(token)) {
                marked.add(token);
                reach = NEGATION_REACH;
            } else {
                marked.add(reach-- > 0 ? token + NEGATED : token);
            }
        }
        List<String> features = new ArrayList<>(marked);
        if (!marked.isEmpty()) {
            features.add("^|" + marked.get(0));
            for (int i = 1; i < marked.size(); i++) {
                features.add(marked.get(i - 1) + "|" + marked.get(i));
            }
            features.add(marked.get(marked.size() - 1) + "|$");
        }
        addLexiconVerdict(features, lexicon, text, lexiconScore);
        return features;
    }

    /**
     * Appends the lexicon's verdict, its score in quarters (finer than the verdict), and whether the text asks or
     * exclaims: questions are mostly neutral, exclamations rarely are, and the lexicon's tokens drop punctuation.
     */
    static void addLexiconVerdict(List<String> features, LexiconSentimentClassifier lexicon, String text,
                                  double lexiconScore) {
        features.add(lexicon.verdictToken(lexiconScore));
        features.add(quarter(Math.round(lexiconScore * 4)));
        if (text != null && text.indexOf('?') >= 0) {
            features.add(QUESTION);
        }
        if (text != null && text.indexOf('!') >= 0) {
            features.add(EXCLAIM);
        }
    }

    /** The feature of the lexicon's score in quarters. */
    static String quarter(long quarters) {
        return "__lex_" + quarters + "__";
    }

    /** Whether a token's character n-grams are features: numbers and emoticons are whole tokens already. */
    static boolean takenApart(String token) {
        return token.length() >= 2 && Character.isLetter(token.charAt(0));
    }

    private static void addCharacterGrams(String token, List<String> features) {
        if (!takenApart(token)) {
            return;
        }
        String bounded = "<" + token + ">";
        // a gram as long as the bounded word would only repeat the word itself
        for (int n = SHORTEST_GRAM; n <= LONGEST_GRAM && n < bounded.length(); n++) {
            for (int i = 0; i + n <= bounded.length(); i++) {
                features.add("#" + bounded.substring(i, i + n));
            }
        }
    }
}
