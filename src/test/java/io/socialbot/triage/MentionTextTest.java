package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionTextTest {

    @Test
    void dropsLinksHandlesPunctuationAndCase() {
        MentionText t = MentionText.of("@BrandTel Can't call 999!!! https://t.co/AbC123 #Outage www.x.io/a?b");

        assertThat(t.words()).containsExactly("cant", "call", "999", "outage");
        assertThat(t.handles()).containsExactly("brandtel");
        assertThat(t.retweetPrefix()).isFalse();
    }

    @Test
    void recognisesManualRetweetsAndDropsTheirPrefix() {
        MentionText t = MentionText.of("RT @angry_dave: @BrandTel down again in Leeds");

        assertThat(t.retweetPrefix()).isTrue();
        assertThat(t.words()).containsExactly("down", "again", "in", "leeds");
        assertThat(t.handles()).containsExactly("brandtel");
    }

    @Test
    void keepsAPrefixMarkOnConfiguredPhrases() {
        assertThat(MentionText.phraseWords("Emergency Call*")).containsExactly("emergency", "call*");
        assertThat(MentionText.phraseWords("can't call")).containsExactly("cant", "call");
    }
}
