package io.socialbot.triage;

import java.util.List;

/**
 * Rule-based sentiment in the manner of VADER, tuned for customer care: weighted words, phrases and emoji from
 * {@code sentiment/*.txt}, negation, intensifiers, "but", irony ("great job losing my bag") and politeness that
 * is not praise inside a complaint. Handles and links carry no sentiment. Status questions, promotions and news are
 * framed apart ({@link SentimentCues}): asking whether the network is down is not a complaint, "win a free phone" is
 * not praise.
 */
public final class LexiconSentimentClassifier implements SentimentClassifier {

    /** VADER's normalisation constant: score = sum / sqrt(sum^2 + ALPHA). */
    private static final double ALPHA = 15;
    private static final double NEGATION = -0.74;
    private static final double CAPS_BOOST = 0.733;
    private static final double EXCLAMATION = 0.292;
    private static final int NEGATION_WINDOW = 3;
    private static final int IRONY_WINDOW = 5;
    static final String NUMBER = "<num>";

    private final Settings settings;
    private final LexiconWords lists;

    /**
     * The lexicon's settings, each chosen by cross-validation on the project's corpus ({@code
     * SentimentCrossValidation}); see the README.
     *
     * @param positiveAt       lowest score labelled positive
     * @param negativeAt       highest score labelled negative
     * @param question         factor on the score of a question without {@code !}: its feeling words are often
     *                         hypothetical ("is the wifi good?")
     * @param topicInQuestion  factor on a topic's negative weight inside a question ("is there an outage?")
     * @param topicInStatement factor on a topic's negative weight elsewhere ("waiting for the session to start")
     * @param promotion        factor on positive weights in a promotion ("win a free phone")
     * @param news             factor on the score of a news report ("the outage lasted three hours, NorthTel said")
     */
    public record Settings(double positiveAt, double negativeAt, double question, double topicInQuestion,
                           double topicInStatement, double promotion, double news) {

        /** The shipped settings. */
        public static final Settings DEFAULTS = new Settings(0.2, -0.15, 0.5, 0.0, 1.0, 0.0, 0.5);

        public Settings withThresholds(double positive, double negative) {
            return new Settings(positive, negative, question, topicInQuestion, topicInStatement, promotion, news);
        }
    }

    /** The shipped word lists and settings. */
    public LexiconSentimentClassifier() {
        this(Settings.DEFAULTS);
    }

    public LexiconSentimentClassifier(Settings settings) {
        this.settings = settings;
        this.lists = LexiconWords.shipped();
    }

    @Override
    public TriageDecision.Sentiment classify(String text) {
        double score = score(text);
        return new TriageDecision.Sentiment(labelOf(score), score);
    }

    /** The label of a score at this lexicon's thresholds. */
    TriageDecision.Sentiment.Label labelOf(double score) {
        return score >= settings.positiveAt() ? TriageDecision.Sentiment.Label.POSITIVE
                : score <= settings.negativeAt() ? TriageDecision.Sentiment.Label.NEGATIVE
                : TriageDecision.Sentiment.Label.NEUTRAL;
    }

    /** A text as the lexicon read it: its {@link #tokens} and its {@link #score}, from one pass over the text. */
    public record Reading(List<String> tokens, double score) {
    }

    /** The text's tokens and score together, for a model that reads both. */
    public Reading read(String text) {
        LexiconTokenizer.Tokens t = lists.tokenizer.tokenize(text);
        return new Reading(t.words, score(t));
    }

    /** The compound score in [-1, 1]. */
    public double score(String text) {
        return score(lists.tokenizer.tokenize(text));
    }

    private double score(LexiconTokenizer.Tokens t) {
        int n = t.words.size();
        if (n == 0) {
            return 0;
        }
        // one lookup a token: every rule below reads the entries, never the lists
        LexiconEntry[] entries = new LexiconEntry[n];
        for (int k = 0; k < n; k++) {
            entries[k] = lists.entry(t.words.get(k));
        }
        boolean[] topic = new boolean[n];
        boolean promotion = false;
        boolean news = false;
        for (int k = 0; k < n; k++) {
            LexiconEntry e = entries[k];
            int span = LexiconEntry.longestAt(e.topics, t.words, k);
            for (int s = 0; s < span; s++) {
                topic[k + s] = true;
            }
            promotion = promotion || LexiconEntry.longestAt(e.promotions, t.words, k) > 0;
            news = news || LexiconEntry.longestAt(e.news, t.words, k) > 0;
        }
        double[] valence = new double[n];
        boolean[] politeAt = new boolean[n];
        boolean complaint = false;
        int but = -1;
        int i = 0;
        while (i < n) {
            LexiconEntry e = entries[i];
            if (e.contrast) {
                but = i;
            }
            int span = 1;
            double v;
            LexiconWords.Phrase phrase = e.phraseAt(t.words, i);
            if (phrase != null) {
                v = phrase.weight();
                span = phrase.tokens().length;
                if (v > 0 && ironic(entries, i + span)) {
                    v = -v; // "well done, delayed again"
                }
            } else {
                v = e.valence;
                if (v != 0 && e.boost != null && i + 1 < n && entries[i + 1].valence != 0) {
                    v = 0; // "fucking great": the swear word only strengthens what follows
                }
                if (v != 0) {
                    politeAt[i] = v > 0 && e.polite;
                    v = shaped(t, entries, i, v);
                    if (v > 0 && !politeAt[i] && ironic(entries, i + 1)) {
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
        if (sum != 0 && news) {
            sum *= settings.news(); // "the outage lasted three hours, NorthTel said" reports, it does not feel
        }
        return sum / Math.sqrt(sum * sum + ALPHA);
    }

    /** Intensifiers, capitals and negation around a word with a valence. */
    private static double shaped(LexiconTokenizer.Tokens t, LexiconEntry[] entries, int i, double v) {
        double scaled = v;
        if (t.caps.get(i) && t.mixedCase) {
            scaled += Math.signum(v) * CAPS_BOOST;
        }
        for (int back = 1; back <= NEGATION_WINDOW && i - back >= 0; back++) {
            Double boost = entries[i - back].boost;
            if (boost != null) {
                scaled += Math.signum(v) * boost * (1 - 0.05 * (back - 1));
            }
        }
        for (int back = 1; back <= NEGATION_WINDOW && i - back >= 0; back++) {
            if (!t.clauses.get(i - back).equals(t.clauses.get(i))) {
                break; // "no apology, useless": the comma ends the negator's reach
            }
            if (entries[i - back].negator) {
                return scaled * NEGATION;
            }
        }
        return scaled;
    }

    private static boolean ironic(LexiconEntry[] entries, int from) {
        int end = Math.min(entries.length, from + IRONY_WINDOW);
        for (int k = from; k < end; k++) {
            if (entries[k].failure) {
                return true;
            }
        }
        return false;
    }

    /** The tokens the lexicon sees, lower-cased, numbers as {@code <num>}; also used as features by trained models. */
    public List<String> tokens(String text) {
        return lists.tokenizer.tokenize(text).words;
    }

    /** Whether a token (as {@link #tokens} gives it) is one of the lexicon's negators: "not", "never", "can't", ... */
    public boolean negates(String token) {
        return lists.entry(token).negator;
    }

    /** The lexicon's label for a {@link #score}, as a token a trained model can use as one more feature. */
    public String verdictToken(double s) {
        if (s >= settings.positiveAt()) {
            return s >= 0.5 ? "__lex_pos2__" : "__lex_pos__";
        }
        if (s <= settings.negativeAt()) {
            return s <= -0.5 ? "__lex_neg2__" : "__lex_neg__";
        }
        return "__lex_neu__";
    }
}
