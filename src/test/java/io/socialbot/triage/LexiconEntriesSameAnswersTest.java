package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lexicon reading each token once into a {@link LexiconEntry} scores every text of {@link TriageTexts} to the
 * same bits as the lookups per list it replaced ({@link ReferenceLexiconScore}), at the shipped settings and at
 * settings where every framing factor counts.
 */
class LexiconEntriesSameAnswersTest {

    private static final List<String> TEXTS = TriageTexts.all();
    /** Every factor away from 0 and 1, so a topic, promotion, question or news report read wrongly shows. */
    private static final LexiconSentimentClassifier.Settings EVERY_FACTOR =
            new LexiconSentimentClassifier.Settings(0.2, -0.15, 0.6, 0.3, 0.7, 0.4, 0.8);

    @Test
    void scoresAreTheBitsOfTheLookupsPerList() {
        for (LexiconSentimentClassifier.Settings settings
                : List.of(LexiconSentimentClassifier.Settings.DEFAULTS, EVERY_FACTOR)) {
            LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier(settings);
            ReferenceLexiconScore reference = new ReferenceLexiconScore(settings);
            int scored = 0;
            for (String text : TEXTS) {
                double expected = reference.score(text);
                double actual = lexicon.score(text);
                assertThat(Double.doubleToRawLongBits(actual)).as("%s: %s, not %s", text, actual, expected)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
                assertThat(lexicon.read(text).score()).isEqualTo(actual);
                scored += actual != 0 ? 1 : 0;
            }
            assertThat(scored).isGreaterThan(TEXTS.size() / 2);
        }
    }

    @Test
    void theFactorsChangeScoresSoTheComparisonSeesThem() {
        LexiconSentimentClassifier shipped = new LexiconSentimentClassifier();
        LexiconSentimentClassifier everyFactor = new LexiconSentimentClassifier(EVERY_FACTOR);
        long changed = TEXTS.stream().filter(t -> shipped.score(t) != everyFactor.score(t)).count();
        assertThat(changed).isGreaterThan(TEXTS.size() / 4);
    }

    @Test
    void negatorsAreTheListsNegators() {
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        LexiconWords lists = LexiconWords.shipped();
        int negators = 0;
        for (String text : TEXTS) {
            for (String token : lexicon.tokens(text)) {
                assertThat(lexicon.negates(token)).as(token).isEqualTo(lists.negators.contains(token));
                negators += lexicon.negates(token) ? 1 : 0;
            }
        }
        assertThat(negators).isPositive();
    }
}
