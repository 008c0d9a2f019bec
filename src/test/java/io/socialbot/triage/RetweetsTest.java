package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.Mention;
import org.junit.jupiter.api.Test;

/** The one retweet rule: what triage clusters as a retweet is what the digest counts as one. */
class RetweetsTest {

    private static Mention m(String text, String retweetOf) {
        return new Mention("1", "x", java.time.Instant.parse("2026-03-02T09:00:00Z"), text,
                new Mention.Author("a", "jo", "Jo", 1, false), null, "en", retweetOf, null, null);
    }

    @Test
    void bothFormsAreRetweetsAndAnRtInsideTheTextIsNot() {
        assertThat(Retweets.isRetweet(m("network down", "99"))).isTrue();
        assertThat(Retweets.isRetweet(m("RT @angry_jo: network down", null))).isTrue();
        assertThat(Retweets.isRetweet(m("rt @angry_jo no bars", null))).isTrue();
        assertThat(Retweets.isRetweet(m("I said RT @brand: fix it", null))).isFalse();
        assertThat(Retweets.isRetweet(m("RT", null))).isFalse();
    }

    @Test
    void triageReadsTheSamePrefix() {
        MentionText text = MentionText.of("RT @angry_jo: network down");
        assertThat(text.retweetPrefix()).isTrue();
        assertThat(text.words()).containsExactly("network", "down");
        assertThat(text.handles()).isEmpty();
    }
}
