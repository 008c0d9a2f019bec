package io.socialbot.mention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionJsonTest {

    static final String GOOD = """
            {"id": "1811122233344455566", "source": "twitter", "created_at": "2026-03-02T08:15:00Z",
             "text": "@Brand still no 4G in Bristol, what's going on?",
             "author": {"id": "44556677", "handle": "jo_bristol", "name": "Jo", "followers": 67, "verified": false},
             "url": "https://twitter.com/jo_bristol/status/1811122233344455566",
             "lang": null, "retweet_of": null, "in_reply_to": null, "metrics": {"retweets": 0, "likes": 3}}
            """;

    @Test
    void readsTheDocumentedFormat() {
        var parsed = MentionJson.parseLine(GOOD.replace("\n", " "));
        assertThat(parsed).isInstanceOf(MentionJson.Valid.class);
        Mention m = ((MentionJson.Valid) parsed).mention();
        assertThat(m.key()).isEqualTo("twitter:1811122233344455566");
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-03-02T08:15:00Z"));
        assertThat(m.author().handle()).isEqualTo("jo_bristol");
        assertThat(m.author().followers()).isEqualTo(67);
        assertThat(m.metrics().likes()).isEqualTo(3);
        assertThat(m.lang()).isNull();
    }

    @Test
    void writesWhatItReads() {
        Mention m = ((MentionJson.Valid) MentionJson.parseLine(GOOD.replace("\n", " "))).mention();
        assertThat(MentionJson.read(MentionJson.write(m))).isEqualTo(m);
    }

    @Test
    void optionalFieldsMayBeAbsentAndSourceDefaults() {
        var parsed = MentionJson.parseLine(
                "{\"id\":\"1\",\"text\":\"hi\",\"created_at\":\"2026-03-02T08:15:00+01:00\",\"author\":{\"handle\":\"@a\"}}");
        Mention m = ((MentionJson.Valid) parsed).mention();
        assertThat(m.source()).isEqualTo("unknown");
        assertThat(m.author().handle()).isEqualTo("a");
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-03-02T07:15:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all|$",
            "[1,2]|$",
            "{\"text\":\"x\",\"created_at\":\"2026-03-02T08:15:00Z\",\"author\":{\"handle\":\"a\"}}|id",
            "{\"id\":\"1\",\"created_at\":\"2026-03-02T08:15:00Z\",\"author\":{\"handle\":\"a\"}}|text",
            "{\"id\":\"1\",\"text\":\"x\",\"author\":{\"handle\":\"a\"}}|created_at",
            "{\"id\":\"1\",\"text\":\"x\",\"created_at\":\"2026-03-02 08:15\",\"author\":{\"handle\":\"a\"}}|created_at",
            "{\"id\":\"1\",\"text\":\"x\",\"created_at\":\"2026-03-02T08:15:00\",\"author\":{\"handle\":\"a\"}}|created_at",
            "{\"id\":\"1\",\"text\":\"x\",\"created_at\":\"2026-03-02T08:15:00Z\"}|author.handle",
            "{\"id\":\"1\",\"text\":\"x\",\"created_at\":\"2026-03-02T08:15:00Z\",\"author\":{}}|author.handle",
            "{\"id\":\"1\",\"text\":5,\"created_at\":\"2026-03-02T08:15:00Z\",\"author\":{\"handle\":\"a\"}}|text",
            "{\"id\":true,\"text\":\"x\",\"created_at\":\"2026-03-02T08:15:00Z\",\"author\":{\"handle\":\"a\"}}|id",
            "{\"id\":\"1\",\"text\":\"x\",\"created_at\":\"2026-03-02T08:15:00Z\",\"author\":{\"handle\":\"a\",\"followers\":\"many\"}}|author.followers",
            "{\"id\":\"1\",\"text\":\"x\",\"created_at\":\"2026-03-02T08:15:00Z\",\"author\":{\"handle\":\"a\",\"verified\":\"yes\"}}|author.verified",
            "{\"id\":\"1\",\"text\":\"x\",\"created_at\":\"2026-03-02T08:15:00Z\",\"author\":{\"handle\":\"a\"},\"metrics\":{\"likes\":-1}}|metrics.likes",
    })
    void namesTheFieldThatIsWrong(String line, String field) {
        var parsed = MentionJson.parseLine(line);
        assertThat(parsed).isInstanceOf(MentionJson.Invalid.class);
        assertThat(((MentionJson.Invalid) parsed).field()).isEqualTo(field);
    }
}
