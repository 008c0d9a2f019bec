package io.socialbot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void clippingHappensBeforeEscapingSoNoEntityIsCut() {
        String shown = SlackText.escape("&".repeat(1_000), 2_900);
        assertThat(shown.length()).isLessThanOrEqualTo(2_900);
        assertThat(shown).endsWith("&amp;…").doesNotContain("&a…").doesNotContain("&am…");
        assertThat(shown.replace("…", "").replace("&amp;", "")).isEmpty();
    }

    @Test
    void clippingKeepsWholeCodePointsSoNoEmojiIsCut() {
        String shown = SlackText.inert("😀".repeat(2_000), 2_901);
        assertThat(shown.length()).isLessThanOrEqualTo(2_901);
        assertThat(shown).endsWith("😀…");
        assertThat(shown.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isEmpty(); // no lone half
        assertThat(SlackText.clip("😀".repeat(10), 6)).isEqualTo("😀😀…");
    }

    @Test
    void shortTextIsLeftWholeAndTheLimitHolds() {
        assertThat(SlackText.inert("no signal", 3_000)).isEqualTo("no signal");
        for (int limit = 4; limit < 40; limit++) {
            assertThat(SlackText.quote("*a* & <b> 😀 :x:\nline two", limit).length()).isLessThanOrEqualTo(limit);
        }
    }

    @Test
    void customerTextIsInertMarkupEmojiCodesAndBidiControls() {
        String shown = SlackText.inert("*bold* _it_ ~gone~ `code` :white_check_mark: \u202Eevil\u202C jo_bristol 10:30", 500);
        assertThat(shown).doesNotContain("*bold*", "_it_", "~gone~", "`code`", ":white_check_mark:", "\u202E", "\u202C");
        assertThat(shown.replace("\u200B", "")).isEqualTo("*bold* _it_ ~gone~ `code` :white_check_mark: evil "
                + "jo_bristol 10:30"); // as typed, but for the controls
        assertThat(shown).contains("jo_bristol", "10:30"); // inside a word nothing formats, so nothing is added
        assertThat(SlackText.isolated("\u05E9\u05DC\u05D5\u05DD", 20)).startsWith("\u2068").endsWith("\u2069");
        assertThat(SlackText.inert("> not a quote\n>nor this", 100)).doesNotStartWith("&gt;").contains("\u200B&gt;nor");
    }
}
