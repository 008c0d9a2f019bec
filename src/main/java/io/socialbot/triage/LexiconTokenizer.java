package io.socialbot.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a post into the lexicon's tokens: lower-cased words, numbers as {@code <num>}, emoticons and emoji that the
 * word lists know; handles and links are dropped, and punctuation ends clauses.
 */
final class LexiconTokenizer {

    /** Punctuation that ends a clause. */
    private static final String CLAUSE_ENDS = ",.;:!?\u2026";

    private final Set<String> emoticons;
    private final Set<String> symbols;
    /** Whether an emoticon is all ASCII letters and digits; if none is, a chunk that is cannot be one. */
    private final boolean plainEmoticons;

    /**
     * @param emoticons multi-character emoticons such as {@code :(}, lower-cased
     * @param symbols   single code points with a valence (emoji)
     */
    LexiconTokenizer(Set<String> emoticons, Set<String> symbols) {
        this.emoticons = Set.copyOf(emoticons);
        this.symbols = Set.copyOf(symbols);
        this.plainEmoticons = this.emoticons.stream().anyMatch(e -> isPlain(e, 0, e.length()));
    }

    /** ASCII letters and digits only, which lower-casing keeps so. */
    private static boolean isPlain(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** A text as the lexicon reads it: words, their capitals and clauses, and its ! and ? counts. */
    static final class Tokens {
        final List<String> words = new ArrayList<>();
        final List<Boolean> caps = new ArrayList<>();
        /** Each word's clause: punctuation between words starts a new one, and negation stays within its own. */
        final List<Integer> clauses = new ArrayList<>();
        /** Each word's sentence: {@code .} {@code !} {@code ?} end one. */
        final List<Integer> sentences = new ArrayList<>();
        /** The sentences that end with {@code ?}. */
        final java.util.Set<Integer> asking = new java.util.HashSet<>();
        int clause;
        int sentence;
        int exclamations;
        int questions;
        boolean mixedCase;

        void add(String word, boolean capitals) {
            words.add(word);
            caps.add(capitals);
            clauses.add(clause);
            sentences.add(sentence);
        }

        /** Whether the word at {@code i} is in a sentence that asks. */
        boolean asks(int i) {
            return asking.contains(sentences.get(i));
        }
    }

    /** The text's tokens; handles and links are skipped, numbers become {@code <num>}. */
    Tokens tokenize(String text) {
        Tokens t = new Tokens();
        if (text == null) {
            return t;
        }
        int n = text.length();
        int i = 0;
        boolean anyLower = false;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end = TweetText.skipToSpace(text, i);
            if (c == '@' || TweetText.startsWithUrl(text, i)) {
                i = end; // a brand's handle or a link says nothing about feeling
                continue;
            }
            // most short chunks are words ("my", "the"): lower-casing each to look it up cost more than the rest
            if (end - i <= 4 && (plainEmoticons || !isPlain(text, i, end))) {
                String chunk = text.substring(i, end).toLowerCase(Locale.ROOT);
                if (emoticons.contains(chunk)) {
                    t.add(chunk, false);
                    i = end;
                    continue;
                }
            }
            int j = i;
            while (j < end) {
                int cp = text.codePointAt(j);
                if (Character.isLetter(cp)) {
                    int start = j;
                    boolean upper = true;
                    while (j < end) {
                        int d = text.codePointAt(j);
                        if (Character.isLetter(d)) {
                            upper &= Character.isUpperCase(d);
                            anyLower |= Character.isLowerCase(d);
                            j += Character.charCount(d);
                        } else if ((d == '\'' || d == '\u2019') && j + 1 < end && Character.isLetter(text.charAt(j + 1))) {
                            j++;
                        } else {
                            break;
                        }
                    }
                    String word = text.substring(start, j).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                    t.add(word, upper && j - start > 1);
                } else if (Character.isDigit(cp)) {
                    while (j < end && Character.isDigit(text.charAt(j))) {
                        j++;
                    }
                    t.add(LexiconSentimentClassifier.NUMBER, false);
                } else {
                    if (CLAUSE_ENDS.indexOf(cp) >= 0) {
                        t.clause++;
                    }
                    if (cp == '!' || cp == '?' || cp == '.' || cp == '\u2026') {
                        if (cp == '?') {
                            t.asking.add(t.sentence);
                        }
                        t.sentence++;
                    }
                    if (cp == '!') {
                        t.exclamations++;
                    } else if (cp == '?') {
                        t.questions++;
                    } else if (cp > 0x2000 && symbols.contains(new String(Character.toChars(cp)))) {
                        t.add(new String(Character.toChars(cp)), false);
                    }
                    j += Character.charCount(cp);
                }
            }
            i = end;
        }
        t.mixedCase = anyLower;
        return t;
    }
}
