package io.socialbot.triage;

import java.util.List;
import java.util.Map;

/**
 * {@link LexiconSentimentClassifier}'s score as it was before each token was looked up once into a {@link
 * LexiconEntry}: a map or set lookup per list, per word and per neighbour (the test's reference).
 */
final class ReferenceLexiconScore {

    private static final double ALPHA = 15;
    private static final double NEGATION = -0.74;
    private static final double CAPS_BOOST = 0.733;
    private static final double EXCLAMATION = 0.292;
    private static final int NEGATION_WINDOW = 3;
    private static final int IRONY_WINDOW = 5;

    private final LexiconSentimentClassifier.Settings settings;
    private final LexiconWords lists = LexiconWords.shipped();

    ReferenceLexiconScore(LexiconSentimentClassifier.Settings settings) {
        this.settings = settings;
    }

    double score(String text) {
        return score(lists.tokenizer.tokenize(text));
    }

    double score(LexiconTokenizer.Tokens t) {
        int n = t.words.size();
        if (n == 0) {
            return 0;
        }
        boolean[] topic = topics(t.words);
        boolean promotion = anyIn(lists.cues.promotions, t.words);
        double[] valence = new double[n];
        boolean[] politeAt = new boolean[n];
        boolean complaint = false;
        int but = -1;
        int i = 0;
        while (i < n) {
            String w = t.words.get(i);
            if (w.equals("but") || w.equals("however") || w.equals("although") || w.equals("though")) {
                but = i;
            }
            int span = 1;
            double v;
            LexiconWords.Phrase phrase = phraseAt(t.words, i);
            if (phrase != null) {
                v = phrase.weight();
                span = phrase.tokens().length;
                if (v > 0 && ironic(t.words, i + span)) {
                    v = -v; // "well done, delayed again"
                }
            } else {
                v = valenceOf(w);
                if (v != 0 && lists.intensifiers.containsKey(w) && i + 1 < n && valenceOf(t.words.get(i + 1)) != 0) {
                    v = 0; // "fucking great": the swear word only strengthens what follows
                }
                if (v != 0) {
                    politeAt[i] = v > 0 && lists.polite.contains(w);
                    v = shaped(t, i, v);
                    if (v > 0 && !politeAt[i] && ironic(t.words, i + 1)) {
                        v = -v; // "great job losing my bag"
                    }
                }
            }
            if (v < 0 && topic[i]) {
                // a question about the outage asks after it; the topic words of a statement may still complain
                v *= t.asks(i) ? settings.topicInQuestion() : settings.topicInStatement();
            } else if (v > 0 && promotion) {
                v *= settings.promotion(); // "win a free phone" sells, it does not praise
            }
            valence[i] = v;
            complaint |= v < 0 && !politeAt[i];
            i += span;
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double v = valence[k];
            if (politeAt[k] && complaint) {
                continue; // "please" and "thanks" around a complaint are manners, not praise
            }
            if (but >= 0) {
                v *= k < but ? 0.5 : 1.5;
            }
            sum += v;
        }
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(t.exclamations, 4) * EXCLAMATION;
        }
        if (t.questions > 0 && t.exclamations == 0) {
            sum *= settings.question(); // a question asks; its feeling words are often hypothetical
        }
        if (sum != 0 && anyIn(lists.cues.news, t.words)) {
            sum *= settings.news(); // "the outage lasted three hours, NorthTel said" reports, it does not feel
        }
        return sum / Math.sqrt(sum * sum + ALPHA);
    }

    /** Intensifiers, capitals and negation around a word with a valence. */
    private double shaped(LexiconTokenizer.Tokens t, int i, double v) {
        double scaled = v;
        if (t.caps.get(i) && t.mixedCase) {
            scaled += Math.signum(v) * CAPS_BOOST;
        }
        for (int back = 1; back <= NEGATION_WINDOW && i - back >= 0; back++) {
            Double boost = lists.intensifiers.get(t.words.get(i - back));
            if (boost != null) {
                scaled += Math.signum(v) * boost * (1 - 0.05 * (back - 1));
            }
        }
        for (int back = 1; back <= NEGATION_WINDOW && i - back >= 0; back++) {
            if (!t.clauses.get(i - back).equals(t.clauses.get(i))) {
                break; // "no apology, useless": the comma ends the negator's reach
            }
            String before = t.words.get(i - back);
            if (lists.negators.contains(before)) {
                return scaled * NEGATION;
            }
        }
        return scaled;
    }

    private boolean ironic(List<String> words, int from) {
        int end = Math.min(words.size(), from + IRONY_WINDOW);
        for (int k = from; k < end; k++) {
            if (lists.failures.contains(words.get(k))) {
                return true;
            }
        }
        return false;
    }


    /** {@code LexiconWords.phraseAt} as it was: the longest phrase starting at {@code i}, or null. */
    private LexiconWords.Phrase phraseAt(List<String> words, int i) {
        List<LexiconWords.Phrase> candidates = lists.phrases.get(words.get(i));
        if (candidates == null) {
            return null;
        }
        for (LexiconWords.Phrase p : candidates) {
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

    private double valenceOf(String w) {
        Double v = lists.words.get(w);
        return v == null ? 0 : v;
    }

    /** {@code SentimentCues.topics} as it was. */
    private boolean[] topics(List<String> words) {
        boolean[] marked = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            int span = longestAt(lists.cues.topics, words, i);
            for (int k = 0; k < span; k++) {
                marked[i + k] = true;
            }
        }
        return marked;
    }

    private static boolean anyIn(Map<String, List<String[]>> phrases, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (longestAt(phrases, words, i) > 0) {
                return true;
            }
        }
        return false;
    }

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
}
