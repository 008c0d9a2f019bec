package io.socialbot.triage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import io.socialbot.support.TestRedisTarget;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** People's sentiment labels on Redis: one per mention, the latest winning, read back whole and oldest first. */
public class RedisSentimentLabelsTest {

    /** The Redis these tests run on: the embedded server here, a cluster in {@code RedisClusterTest}. */
    protected TestRedisTarget testRedis() {
        return TestRedis.server();
    }

    private final RedisKeys keys = testRedis().freshKeys();
    private final RedisSentimentLabels labels = new RedisSentimentLabels(testRedis().client(), keys);
    private final Instant t0 = Instant.parse("2026-03-02T08:15:00Z");

    SentimentLabel label(String key, String text, Label shown, Label label, String by, int minute) {
        return new SentimentLabel(key, text, "en", shown, shown == null ? 0 : -0.5, label, by, t0.plusSeconds(60L * minute));
    }

    @Test
    void labelsComeBackExactlyOldestFirstAndALaterLabelReplacesAnEarlierOne() {
        String typed = "\u202E@Brand <!here> \"still\" down\tfor\r\neveryone? 😡 &lt;";
        labels.record(label("twitter:2", "second", Label.NEGATIVE, Label.NEUTRAL, "U1", 2));
        labels.record(label("twitter:1", typed, Label.POSITIVE, Label.NEGATIVE, "U1", 1));
        labels.record(label("web%3Aa:x", "no sentiment shown", null, Label.POSITIVE, "U2", 3));
        assertThat(labels.all()).containsExactly(label("twitter:1", typed, Label.POSITIVE, Label.NEGATIVE, "U1", 1),
                label("twitter:2", "second", Label.NEGATIVE, Label.NEUTRAL, "U1", 2),
                label("web%3Aa:x", "no sentiment shown", null, Label.POSITIVE, "U2", 3));

        // another agent disagrees later: one label for the mention, the latest, placed at its time
        labels.record(label("twitter:2", "second", Label.NEGATIVE, Label.NEGATIVE, "U3", 4));
        assertThat(labels.all()).containsExactly(label("twitter:1", typed, Label.POSITIVE, Label.NEGATIVE, "U1", 1),
                label("web%3Aa:x", "no sentiment shown", null, Label.POSITIVE, "U2", 3),
                label("twitter:2", "second", Label.NEGATIVE, Label.NEGATIVE, "U3", 4));
        assertThat(labels.all().get(2).agreed()).isTrue();
    }

    @Test
    void thousandsAreReadInPagesAndNoneIsLost() {
        List<SentimentLabel> written = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            SentimentLabel l = label("x:" + i, "post " + i, Label.NEUTRAL, Label.values()[i % 3], "U1", i);
            labels.record(l);
            written.add(l);
        }
        assertThat(labels.all()).containsExactlyElementsOf(written);
    }

    @Test
    void aValueThisClassDidNotWriteIsAnErrorNotASkip() {
        labels.record(label("twitter:1", "fine", Label.NEUTRAL, Label.NEUTRAL, "U1", 0));
        testRedis().client().hset(keys.key("sl"), "twitter:2", "{\"key\":\"twitter:2\"}");
        testRedis().client().zadd(keys.key("sl-at"), 1, "twitter:2");
        assertThatThrownBy(labels::all).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stored sentiment label is unreadable");
        testRedis().client().hdel(keys.key("sl"), "twitter:2"); // a time with no label
        assertThatThrownBy(labels::all).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("twitter:2 has a time and no label");
    }

    @Test
    void theLabelGivenLastIsKeptWhicheverWriteArrivesLast() {
        assertThat(labels.record(label("x:1", "t", Label.NEGATIVE, Label.POSITIVE, "U2", 5))).isTrue();
        assertThat(labels.record(label("x:1", "t", Label.NEGATIVE, Label.NEUTRAL, "U1", 4))).as("given earlier").isFalse();
        assertThat(labels.all()).containsExactly(label("x:1", "t", Label.NEGATIVE, Label.POSITIVE, "U2", 5));
        // a microsecond later is later: Slack's action times have six decimals
        SentimentLabel justAfter = new SentimentLabel("x:1", "t", "en", Label.NEGATIVE, -0.5, Label.NEGATIVE, "U3",
                t0.plusSeconds(300).plusNanos(1_000));
        assertThat(labels.record(justAfter)).isTrue();
        assertThat(labels.all()).containsExactly(justAfter);
        assertThat(labels.record(justAfter)).as("the same choice again").isTrue();
    }

    @Test
    void aWindowHoldsTheLabelsGivenFromItsStartUpToNotIncludingItsEnd() {
        for (int minute = 0; minute < 6; minute++) {
            labels.record(label("x:" + minute, "t", Label.NEGATIVE, Label.NEUTRAL, "U1", minute));
        }
        assertThat(labels.between(t0.plusSeconds(60), t0.plusSeconds(240))).extracting(SentimentLabel::key)
                .containsExactly("x:1", "x:2", "x:3");
        assertThat(labels.between(t0.plusSeconds(61), t0.plusSeconds(62))).isEmpty();
        assertThat(labels.between(Instant.MIN, Instant.MAX)).hasSize(6).isEqualTo(labels.all());
    }
}
