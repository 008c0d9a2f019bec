package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.triage.LexiconSentimentClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentFeaturesTest {

    private final LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();

    @Test
    void aNegatorMarksTheNextThreeWords() {
        List<String> features = SentimentFeatures.words(lexicon, "the crew was not helpful at all today");
        assertThat(features).contains("the", "not", "helpful_NEG", "at_NEG", "all_NEG", "today")
                .doesNotContain("helpful", "today_NEG", "not_NEG");
        // a second negator starts its reach afresh
        assertThat(SentimentFeatures.words(lexicon, "no food and never any water here"))
                .contains("food_NEG", "and_NEG", "never", "any_NEG", "water_NEG", "here_NEG");
    }

    @Test
    void bigramsRunAcrossTheMarkedWordsWithBothEnds() {
        assertThat(SentimentFeatures.words(lexicon, "not helpful, thanks"))
                .contains("^|not", "not|helpful_NEG", "helpful_NEG|thanks_NEG", "thanks_NEG|$");
        assertThat(SentimentFeatures.words(lexicon, "@united")).noneMatch(f -> f.contains("|"));
    }

    @Test
    void theLexiconVerdictAndPunctuationComeAlong() {
        assertThat(SentimentFeatures.words(lexicon, "worst airline ever, rude and useless!"))
                .contains("__lex_neg2__", "__lex_-4__", "__exclaim__").doesNotContain("__question__");
        assertThat(SentimentFeatures.words(lexicon, "what gate?")).contains("__lex_neu__", "__lex_0__", "__question__");
        assertThat(SentimentFeatures.words(lexicon, "@united see http://t.co/x1")).containsExactly(
                "see", "^|see", "see|$", "__lex_neu__", "__lex_0__");
    }

    @Test
    void bothGivesWhatEachGives() {
        String text = "not helpful at all, the flight was delayyyed 3 hours :(";
        SentimentFeatures.Both both = SentimentFeatures.both(lexicon, text);
        assertThat(both.words()).containsExactlyElementsOf(SentimentFeatures.words(lexicon, text));
        assertThat(both.withCharacters()).containsExactlyElementsOf(SentimentFeatures.withCharacters(lexicon, text))
                .hasSizeGreaterThan(both.words().size());
    }

    @Test
    void characterGramsOfThreeToFiveStayInsideEachWord() {
        List<String> features = SentimentFeatures.withCharacters(lexicon, "delayed go");
        assertThat(features).containsAll(SentimentFeatures.words(lexicon, "delayed go"))
                .contains("#<de", "#yed>", "#<del", "#ayed>", "#<dela", "#layed", "#<go", "#go>")
                .doesNotContain("#<go>", "#d go", "#<delayed>");
        assertThat(features.stream().filter(f -> f.startsWith("#"))).hasSize(7 + 6 + 5 + 2);
        assertThat(SentimentFeatures.words(lexicon, "delayed go")).noneMatch(f -> f.startsWith("#"));
        // numbers and emoticons are tokens of their own, not words to take apart
        assertThat(SentimentFeatures.withCharacters(lexicon, "2 hours :)")).noneMatch(f -> f.startsWith("#<n")
                || f.startsWith("#:"));
    }
}
