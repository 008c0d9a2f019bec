package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private final PhraseMatcher matcher = new PhraseMatcher(new LinkedHashMap<>(Map.of(
            "emergency", List.of("ambulance", "emergency call*", "999"),
            "churn", List.of("switch to", "cancel*"))));

    @Test
    void findsWholeWordPhrasesAndPrefixes() {
        assertThat(matcher.find(MentionText.of("Need an AMBULANCE, no emergency calls possible").words()))
                .containsEntry("emergency", "ambulance");
        assertThat(matcher.find(MentionText.of("no emergency calls possible").words()))
                .containsEntry("emergency", "emergency call*");
        assertThat(matcher.find(MentionText.of("cancelling today, going to switch to Acme").words()))
                .containsEntry("churn", "cancel*");
    }

    @Test
    void needsTheWholePhraseInOrder() {
        assertThat(matcher.find(MentionText.of("switch off and to bed, call 9999").words())).isEmpty();
        assertThat(matcher.find(MentionText.of("switching to acme").words())).isEmpty();
    }

    @Test
    void reportsEachGroupOnce() {
        Map<String, String> found = matcher.find(MentionText.of("999 ambulance, will cancel").words());

        assertThat(found).containsOnlyKeys("emergency", "churn").containsEntry("emergency", "999");
    }
}
