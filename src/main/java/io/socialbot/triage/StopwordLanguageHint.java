package io.socialbot.triage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores en, nl, es, fr and de by their function words: on tweet-length text these are a steadier signal than
 * character n-gram confidences. A word shared by several languages counts for each of them in proportion.
 */
public final class StopwordLanguageHint {

    /** The languages this hint knows, ISO 639-1. */
    public static final List<String> LANGUAGES = List.of("en", "nl", "es", "fr", "de");

    private static final String[] WORDS = {
        // en
        "the and is are was were to of in on for with my me i you your it this that not no have has had been"
            + " be do does did don't can't won't didn't isn't it's i'm i've what why when how where who there"
            + " they we our us just still again from at an a or but if so please thanks thank any will would"
            + " could should than then here hour hours since get got my flight bag help without after about"
            + " into over out up by their all everyone anyone nobody today now",
        // nl
        "de het een en is zijn was waren van in op voor met mijn mij ik je jij jullie u uw niet geen heb hebben"
            + " had heeft al nog weer waarom wanneer hoe waar wie er ze we wij ons onze maar als dus graag dank"
            + " bedankt alstublieft alsjeblieft wel ook nu naar bij uit om dat die dit wat kan kunnen wordt"
            + " worden zal zou moet sinds uur echt gewoon niks niemand helemaal al even vlucht koffer",
        // es
        "el la los las un una y es son fue era de del en por para con mi me yo tu su no ni hay he ha han sido"
            + " que qué por qué porque cuando cómo donde dónde quien nos nuestro pero si muy ya todavía aún"
            + " gracias favor por favor nada nadie desde hace horas hora esto este esta está están estoy al lo"
            + " le se sin sobre también vuelo maleta ayuda",
        // fr
        "le la les un une et est sont était de du des en pour avec mon ma mes moi je tu vous votre vos il elle"
            + " ne pas plus rien personne ai as avons avez ont été que qui quoi pourquoi quand comment où nous"
            + " notre mais si très déjà encore toujours merci svp plaît depuis heure heures ce cette c'est"
            + " j'ai au aux sur sans y dans vol valise aide",
        // de
        "der die das den dem ein eine einen und ist sind war waren von im in auf für mit mein meine mir mich ich"
            + " du sie ihr ihre nicht kein keine habe hat haben hatte schon noch wieder warum wann wie wo wer"
            + " es wir uns unser aber wenn also bitte danke seit stunde stunden immer nichts niemand auch nur"
            + " jetzt zu zum zur bei aus nach ganz gar wird werden kann können ist's flug koffer hilfe",
    };

    /** Each function word's share of its languages. */
    final Map<String, double[]> weights;
    /**
     * The same words in an open-addressing table probed by a word's place in the text, so a word is found without
     * cutting it out as a string of its own (the cutting and a map lookup per word were most of the hint's time).
     */
    private final String[] keys;
    private final double[][] shares;
    private final int mask;

    public StopwordLanguageHint() {
        Map<String, boolean[]> seen = new HashMap<>();
        for (int lang = 0; lang < WORDS.length; lang++) {
            for (String word : WORDS[lang].split(" ")) {
                if (!word.isEmpty()) {
                    seen.computeIfAbsent(word, w -> new boolean[LANGUAGES.size()])[lang] = true;
                }
            }
        }
        Map<String, double[]> w = new HashMap<>();
        seen.forEach((word, in) -> {
            int count = 0;
            for (boolean b : in) {
                count += b ? 1 : 0;
            }
            double[] share = new double[in.length];
            for (int i = 0; i < in.length; i++) {
                share[i] = in[i] ? 1.0 / count : 0;
            }
            w.put(word, share);
        });
        this.weights = Map.copyOf(w);
        int capacity = Integer.highestOneBit(weights.size() * 4);
        this.keys = new String[capacity];
        this.shares = new double[capacity][];
        this.mask = capacity - 1;
        weights.forEach((word, share) -> {
            int slot = hash(word, 0, word.length()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = word;
            shares[slot] = share;
        });
    }

    /** String's own hash of {@code s[from, to)}, spread over the table's low bits. */
    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 16);
    }

    /** The share of the word at {@code s[from, to)}, or null when it is no function word. */
    private double[] shareOf(String s, int from, int to) {
        int length = to - from;
        for (int slot = hash(s, from, to) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key.length() == length && s.regionMatches(from, key, 0, length)) {
                return shares[slot];
            }
        }
        return null;
    }

    /**
     * Scores of the {@link #LANGUAGES} (same order) for text already reduced by {@link TweetText#lettersOnly}:
     * the number of function words, a shared word split between its languages.
     */
    public double[] scores(String words) {
        double[] scores = new double[LANGUAGES.size()];
        if (words.isEmpty()) {
            return scores;
        }
        // split by hand: String.split's list and array were a fifth of the hint's time, which runs on every mention
        for (int from = 0, to; from < words.length(); from = to + 1) {
            to = words.indexOf(' ', from);
            if (to < 0) {
                to = words.length();
            }
            double[] share = shareOf(words, from, to);
            if (share != null) {
                for (int i = 0; i < share.length; i++) {
                    scores[i] += share[i];
                }
            }
        }
        return scores;
    }
}
