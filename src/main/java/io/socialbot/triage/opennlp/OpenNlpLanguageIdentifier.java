package io.socialbot.triage.opennlp;

import io.socialbot.triage.LanguageIdentifier;
import io.socialbot.triage.StopwordLanguageHint;
import io.socialbot.triage.TweetText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * OpenNLP's language detector (model {@code langdetect-183.bin}) on the letters of a tweet, its ranking combined
 * with {@link StopwordLanguageHint}, because on tweet-length text its confidences are tiny and close together.
 */
public final class OpenNlpLanguageIdentifier implements LanguageIdentifier {

    static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** How much one function word counts against the detector's relative confidence (top guess = 1). */
    private static final double STOPWORD_WEIGHT = 0.6;
    private static final int RANKS_CONSIDERED = 8;

    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private final LanguageDetectorME detector;
    private final StopwordLanguageHint hint = new StopwordLanguageHint();

    public OpenNlpLanguageIdentifier() {
        this(loadModel());
    }

    OpenNlpLanguageIdentifier(LanguageDetectorModel model) {
        this.detector = new LanguageDetectorME(model);
    }

    static LanguageDetectorModel loadModel() {
        try (InputStream in = OpenNlpLanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL_RESOURCE
                        + " not on the classpath (org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language model " + MODEL_RESOURCE, e);
        }
    }

    @Override
    public Optional<String> identify(String text) {
        String words = TweetText.lettersOnly(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        double[] hints = hint.scores(words);
        int best = 0;
        double second = 0;
        for (int i = 1; i < hints.length; i++) {
            if (hints[i] > hints[best]) {
                second = hints[best];
                best = i;
            } else {
                second = Math.max(second, hints[i]);
            }
        }
        // OpenNLP adds at most 1 to any language below; when the function words alone lead by more than that,
        // its answer cannot change the outcome, so skip it (it costs ~100 us a tweet; the hint ~1 us)
        if (STOPWORD_WEIGHT * (hints[best] - second) > 1.0) {
            return Optional.of(StopwordLanguageHint.LANGUAGES.get(best));
        }
        Map<String, Double> score = new HashMap<>();
        Language[] ranked = detector.predictLanguages(words);
        double top = ranked.length == 0 ? 0 : ranked[0].getConfidence();
        for (int i = 0; i < Math.min(RANKS_CONSIDERED, ranked.length); i++) {
            String iso1 = iso1(ranked[i].getLang());
            if (iso1 != null && top > 0) {
                score.merge(iso1, ranked[i].getConfidence() / top, Math::max);
            }
        }
        for (int i = 0; i < hints.length; i++) {
            if (hints[i] > 0) {
                score.merge(StopwordLanguageHint.LANGUAGES.get(i), STOPWORD_WEIGHT * hints[i], Double::sum);
            }
        }
        return score.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** ISO 639-1 for the detector's ISO 639-3 code, or null when the language has no two-letter code. */
    static String iso1(String iso3) {
        return ISO3_TO_ISO1.get(iso3);
    }

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(new Locale(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException e) {
                // a two-letter code without a three-letter one: nothing to map
            }
        }
        // macrolanguage members and bibliographic codes the detector uses
        map.put("cmn", "zh");
        map.put("yue", "zh");
        map.put("arb", "ar");
        map.put("pes", "fa");
        map.put("zsm", "ms");
        map.put("ekk", "et");
        map.put("lvs", "lv");
        map.put("nob", "nb");
        map.put("swh", "sw");
        map.put("uzn", "uz");
        map.put("azj", "az");
        map.put("khk", "mn");
        map.put("plt", "mg");
        map.put("gug", "gn");
        map.put("quz", "qu");
        map.put("ydd", "yi");
        map.put("npi", "ne");
        map.put("ory", "or");
        map.put("als", "sq");
        map.put("fre", "fr");
        map.put("ger", "de");
        map.put("dut", "nl");
        return Map.copyOf(map);
    }
}
