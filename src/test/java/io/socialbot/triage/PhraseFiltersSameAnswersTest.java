package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link PhraseMatcher} with its first-word filters finds, in every text of {@link TriageTexts}, what it found with
 * a map lookup per word ({@link ReferencePhraseMatcher}), for each of triage's matchers at the shipped settings.
 */
class PhraseFiltersSameAnswersTest {

    @Test
    void everyMatcherFindsWhatTheLookupPerWordFound() {
        TriageProperties settings = TriageFixtures.shippedSettings();
        Map<String, List<String>> places = new LinkedHashMap<>();
        for (String place : settings.places()) {
            places.put(String.join(" ", MentionText.phraseWords(place)), List.of(place));
        }
        List<Map<String, List<String>>> configured = List.of(settings.themes(), places,
                Map.of("brand", settings.brand().allKeywords()), Map.of("exclusion", settings.brand().exclusions()),
                Map.of("spam", settings.spam()));
        List<String> texts = new ArrayList<>(TriageTexts.all());
        texts.add("call an ambulance, REFUNDS and a terminated contract: cancelling, switching");
        int found = 0;
        int prefixed = 0;
        for (Map<String, List<String>> phrases : configured) {
            PhraseMatcher filtered = new PhraseMatcher(phrases);
            ReferencePhraseMatcher reference = new ReferencePhraseMatcher(phrases);
            for (String text : texts) {
                List<String> words = MentionText.of(text).words();
                Map<String, String> expected = reference.find(words);
                assertThat(filtered.find(words)).as(text).containsExactlyEntriesOf(expected);
                assertThat(filtered.first(words)).as(text).isEqualTo(reference.first(words));
                found += expected.size();
                prefixed += expected.values().stream().filter(p -> p.endsWith("*")).count();
            }
        }
        assertThat(found).isGreaterThan(texts.size() / 2);
        assertThat(prefixed).isPositive();
    }
}
