package io.socialbot.x;

import static io.socialbot.x.XMentionPollerTest.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The poller against a stand-in serving X's mention timeline: a gap past its 800 most recent posts is reported. */
class XMentionGapTest extends XTimelineStandIn {

    static long snowflake(Instant at, int sequence) {
        return ((at.toEpochMilli() - XMentionMapper.TWEPOCH_MILLIS) << 22) + sequence;
    }

    @Test
    void aGapBeyondTheMentionWindowIsReportedWithTheSpanThatMayBeMissing() {
        Instant checkpointAt = T0.minus(Duration.ofHours(5));
        long checkpoint = snowflake(checkpointAt, 0);
        redis.set(keys.key("x", "mentions", BRAND, "since_id"), Long.toString(checkpoint));
        // 850 mentions since the checkpoint, one every 10 s up to T0: X serves the 800 most recent only.
        List<XApiStub.Post> posts = new ArrayList<>();
        for (int i = 0; i < 850; i++) {
            long id = snowflake(T0.minusSeconds(10L * i), 1);
            posts.add(new XApiStub.Post(id, "{\"id\":\"" + id + "\",\"text\":\"@brand down " + i + "\","
                    + "\"author_id\":\"7\"}"));
        }
        stub.serveTimeline(posts, user(7, "alice", 10, false));

        var polled = (XMentionPoller.Polled) poller().pollOnce();

        assertThat(polled.fetched()).isEqualTo(800);
        assertThat(polled.pages()).isEqualTo(8);
        assertThat(alerts).hasSize(1);
        Instant oldestServed = T0.minusSeconds(10L * 799);
        assertThat(alerts.get(0)).contains(checkpointAt.toString(), oldestServed.toString(), "may be missing",
                Duration.between(checkpointAt, oldestServed).toMinutes() + " min");
        assertThat(meters.counter("socialbot.x.mention.gaps").count()).isEqualTo(1.0);
        assertThat(meters.summary("socialbot.x.mention.gap.seconds").totalAmount())
                .isEqualTo(Duration.between(checkpointAt, oldestServed).toSeconds());

        // Caught up now: the next poll reaches the checkpoint and reports nothing.
        clock.advance(Duration.ofSeconds(2));
        poller().pollOnce();
        assertThat(alerts).hasSize(1);
    }

    @Test
    void noGapWhenThePagesReachTheCheckpoint() {
        long checkpoint = snowflake(T0.minus(Duration.ofHours(1)), 0);
        redis.set(keys.key("x", "mentions", BRAND, "since_id"), Long.toString(checkpoint));
        List<XApiStub.Post> posts = new ArrayList<>();
        for (int i = 0; i < 799; i++) {
            long id = snowflake(T0.minusSeconds(4L * i), 1);
            posts.add(new XApiStub.Post(id, "{\"id\":\"" + id + "\",\"text\":\"@brand \",\"author_id\":\"7\"}"));
        }
        stub.serveTimeline(posts, user(7, "alice", 10, false));

        assertThat(((XMentionPoller.Polled) poller().pollOnce()).fetched()).isEqualTo(799);
        assertThat(alerts).isEmpty();
    }
}
