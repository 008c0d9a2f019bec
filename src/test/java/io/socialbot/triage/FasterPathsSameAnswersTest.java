package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts taken for triage's speed answer as the plain code they replaced, kept here as the reference, over
 * every text of {@link TriageTexts}: the same URLs seen, function-word scores, lexicon tokens, fingerprints and
 * follower counts.
 */
class FasterPathsSameAnswersTest {

    private static final List<String> TEXTS = TriageTexts.all();

    @Test
    void urlsAreSeenAtTheSamePlacesAsByTheFivePrefixes() {
        for (String text : TEXTS) {
            for (int i = 0; i <= text.length(); i++) {
                boolean plain = (i == 0 || Character.isWhitespace(text.charAt(i - 1)))
                        && (text.startsWith("http://", i) || text.startsWith("https://", i)
                        || text.startsWith("www.", i) || text.startsWith("HTTP", i) || text.startsWith("WWW.", i));
                assertThat(TweetText.startsWithUrl(text, i)).as("%s at %d", text, i).isEqualTo(plain);
            }
        }
        assertThat(TweetText.startsWithUrl("see WWW.BrandTel.com", 4)).isTrue();
    }

    @Test
    void functionWordScoresAreTheSumsOfTheMapsSharesOverStringSplitsWords() {
        StopwordLanguageHint hint = new StopwordLanguageHint();
        int scored = 0;
        for (String text : TEXTS) {
            String words = TweetText.lettersOnly(text);
            double[] expected = new double[StopwordLanguageHint.LANGUAGES.size()];
            if (!words.isEmpty()) {
                for (String word : words.split(" ")) { // as the hint split and looked words up before
                    double[] share = hint.weights.get(word);
                    for (int k = 0; share != null && k < expected.length; k++) {
                        expected[k] += share[k];
                    }
                }
            }
            double[] actual = hint.scores(words);
            assertThat(actual).as(text).containsExactly(expected);
            scored += actual[0] + actual[1] + actual[2] + actual[3] + actual[4] > 0 ? 1 : 0;
        }
        assertThat(scored).isGreaterThan(TEXTS.size() / 2);
        // every function word is found in the table, alone and between others
        hint.weights.forEach((word, share) -> {
            assertThat(hint.scores(word)).as(word).containsExactly(share);
            assertThat(hint.scores("zzz " + word + " qqq")).as(word).containsExactly(share);
        });
    }

    @Test
    void lettersOnlyIsWhatTheStringBuilderMade() {
        List<String> texts = new ArrayList<>(TEXTS);
        texts.addAll(List.of("", " ", "@a", "a@b", "x http://t.co/1 y", "whttp://no", "WWW.BRAND.COM ok",
                "İstanbul ŞEHİR", "Straße ẞ", "𝐁𝐨𝐥𝐝 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 😡", "\uD800 lone", "end \uDBFF", "l'été c’est",
                "it's ' ' 'quoted'", "ǅemal ǈ"));
        for (String text : texts) {
            assertThat(TweetText.lettersOnly(text)).as(text).isEqualTo(ReferenceLettersOnly.lettersOnly(text));
        }
        assertThat(TweetText.lettersOnly(null)).isEqualTo(ReferenceLettersOnly.lettersOnly(null));
    }

    /** The precondition of the tokenizer's shortcut: a chunk of plain ASCII letters and digits is never an emoticon. */
    @Test
    void noShippedEmoticonIsPlainLettersAndDigits() throws Exception {
        Set<String> emoticons = field(new LexiconWords().tokenizer, "emoticons");
        assertThat(emoticons).isNotEmpty().contains(":(");
        assertThat(emoticons).noneMatch(e -> e.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'));
    }

    @Test
    void shortChunksGiveTheTokensOfLookingEachUp() throws Exception {
        LexiconTokenizer shipped = new LexiconWords().tokenizer;
        // an emoticon of plain letters makes the tokenizer look every short chunk up, as it did before
        Set<String> emoticons = new HashSet<>(field(shipped, "emoticons"));
        assertThat(emoticons).contains(":(");
        emoticons.add("qqqq");
        LexiconTokenizer everyChunk = new LexiconTokenizer(emoticons, field(shipped, "symbols"));
        int emoticonTokens = 0;
        for (String text : TEXTS) {
            LexiconTokenizer.Tokens expected = everyChunk.tokenize(text);
            LexiconTokenizer.Tokens actual = shipped.tokenize(text);
            assertThat(actual.words).as(text).isEqualTo(expected.words);
            assertThat(actual.caps).as(text).isEqualTo(expected.caps);
            assertThat(actual.clauses).as(text).isEqualTo(expected.clauses);
            assertThat(actual.sentences).as(text).isEqualTo(expected.sentences);
            assertThat(actual.asking).as(text).isEqualTo(expected.asking);
            assertThat(List.of(actual.exclamations, actual.questions, actual.mixedCase)).as(text)
                    .isEqualTo(List.of(expected.exclamations, expected.questions, expected.mixedCase));
            emoticonTokens += (int) actual.words.stream().filter(emoticons::contains).count();
        }
        assertThat(emoticonTokens).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> field(LexiconTokenizer tokenizer, String name) throws Exception {
        Field f = LexiconTokenizer.class.getDeclaredField(name);
        f.setAccessible(true);
        return (Set<String>) f.get(tokenizer);
    }

    @Test
    void fingerprintsAreThoseOfTheHexStringsBefore() {
        NearDuplicates duplicates = new NearDuplicates(4);
        int long4 = 0;
        for (String text : TEXTS) {
            List<String> words = MentionText.of(text).words();
            NearDuplicates.Fingerprint actual = duplicates.fingerprint(words);
            NearDuplicates.Fingerprint expected = ReferenceFingerprint.of(words, 4);
            assertThat(actual).as(text).isEqualTo(expected);
            long4 += actual.signature().isEmpty() ? 0 : 1;
        }
        assertThat(long4).isGreaterThan(TEXTS.size() / 2);
    }

    @Test
    void followerCountsReadAsWithStringFormat() {
        List<Long> counts = new ArrayList<>();
        for (long n = 0; n < 20_000; n++) {
            counts.add(n);
        }
        for (long n = 990_000; n < 10_100_000; n += 97) { // every rounding step of the millions is 100,000 wide
            counts.add(n);
        }
        for (long step = 10; step <= 100; step++) { // both sides of each step where the shown tenth changes
            counts.add(step * 100_000 - 1);
            counts.add(step * 100_000);
        }
        counts.addAll(List.of(1_049_999L, 1_050_000L, 9_999_999L, 123_456_789L, Long.MAX_VALUE / 1000));
        for (long n : counts) {
            assertThat(PriorityRules.count(n)).as("%d", n).isEqualTo(formatted(n));
        }
    }

    /** {@link PriorityRules#count} as it was, with {@code String.format}. */
    private static String formatted(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return n < 10_000 ? trimmed(n / 1_000.0) + "k" : (n / 1_000) + "k";
        }
        return n < 10_000_000 ? trimmed(n / 1_000_000.0) + "M" : (n / 1_000_000) + "M";
    }

    private static String trimmed(double v) {
        String s = String.format(Locale.ROOT, "%.1f", Math.floor(v * 10) / 10);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
