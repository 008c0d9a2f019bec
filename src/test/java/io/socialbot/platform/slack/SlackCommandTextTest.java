package io.socialbot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackCommandTextTest {

    @Test
    void decodesTheThreeEscapesSlackPutsInSlashCommandText() {
        // What Slack sends for "/reply 205 Sorry & thanks <3 >_<"
        assertThat(SlackCommandText.decode("Sorry &amp; thanks &lt;3 &gt;_&lt;")).isEqualTo("Sorry & thanks <3 >_<");
    }

    @Test
    void decodesOnceSoTypedEntitiesStayAsTyped() {
        // The agent typed "&lt;" literally: Slack sends "&amp;lt;"
        assertThat(SlackCommandText.decode("write &amp;lt; for &lt;")).isEqualTo("write &lt; for <");
        assertThat(SlackCommandText.decode("AT&T &copy; a & b")).isEqualTo("AT&T &copy; a & b");
    }

    @Test
    void linksBecomeWhatWasTyped() {
        assertThat(SlackCommandText.decode("see <https://status.example.com/x?a=1&amp;b=2>"))
                .isEqualTo("see https://status.example.com/x?a=1&b=2");
        assertThat(SlackCommandText.decode("see <http://example.com|example.com> now"))
                .isEqualTo("see example.com now");
        assertThat(SlackCommandText.decode("mail <mailto:help@example.com|help@example.com>"))
                .isEqualTo("mail help@example.com");
        // A label that is not the link would hide the address: the address goes out.
        assertThat(SlackCommandText.decode("<https://evil.example|https://bank.example>"))
                .isEqualTo("https://evil.example");
    }

    @Test
    void mentionsChannelsAndSpecialsBecomePlainText() {
        assertThat(SlackCommandText.decode("<@U123|alice> in <#C42|care> <!here>")).isEqualTo("@alice in #care @here");
        assertThat(SlackCommandText.decode("plain text, no markup")).isEqualTo("plain text, no markup");
        assertThat(SlackCommandText.decode(null)).isEmpty();
    }
}
