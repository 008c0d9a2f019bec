package io.socialbot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestRequestTest {

    private final Instant now = Instant.parse("2026-03-02T14:30:00Z");
    private final ZoneId amsterdam = ZoneId.of("Europe/Amsterdam"); // UTC+1 in March

    @Test
    void eachWindowForm() {
        assertThat(DigestRequest.parse("", now, amsterdam)).isEqualTo(new DigestRequest(now.minusSeconds(3600), now, false));
        assertThat(DigestRequest.parse("6h", now, amsterdam).from()).isEqualTo(now.minus(Duration.ofHours(6)));
        assertThat(DigestRequest.parse("since 09:00", now, amsterdam).from()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(DigestRequest.parse("since 9:00", now, amsterdam).from()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(DigestRequest.parse("since 23:00", now, amsterdam).from()).isEqualTo(Instant.parse("2026-03-01T22:00:00Z"));
        var post = DigestRequest.parse("post 3h", now, amsterdam);
        assertThat(post.post()).isTrue();
        assertThat(post.from()).isEqualTo(now.minus(Duration.ofHours(3)));
        assertThat(DigestRequest.parse("post", now, amsterdam).post()).isTrue();
    }

    @Test
    void badInputIsExplained() {
        assertThatThrownBy(() -> DigestRequest.parse("yesterday <b>", now, amsterdam))
                .isInstanceOf(DigestRequest.Invalid.class).hasMessageContaining("`yesterday &lt;b&gt;`")
                .hasMessageContaining("Usage");
        assertThatThrownBy(() -> DigestRequest.parse("since 25:00", now, amsterdam)).hasMessageContaining("not a time");
        assertThatThrownBy(() -> DigestRequest.parse("0h", now, amsterdam)).hasMessageContaining("between 1h and 168h");
    }
}
