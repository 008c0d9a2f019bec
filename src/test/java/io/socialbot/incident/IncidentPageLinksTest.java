package io.socialbot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.incident.redis.RedisPageLinkGenerations;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Signed page links on the real Redis: two "replicas" (two instances, one Redis) agree on every verdict. */
class IncidentPageLinksTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final String SECRET = "0123456789abcdef0123456789abcdef-test";

    private final RedisKeys keys = TestRedis.freshKeys();
    private final MutableClock clock = new MutableClock(NOW);
    private final IncidentPageProperties properties = new IncidentPageProperties("https://bot.example.com/", SECRET,
            Duration.ofHours(2), Duration.ofSeconds(30));
    private final IncidentPageLinks replicaA = links(properties);
    private final IncidentPageLinks replicaB = links(properties);

    private IncidentPageLinks links(IncidentPageProperties p) {
        return new IncidentPageLinks(p, new RedisPageLinkGenerations(TestRedis.client(), keys), clock);
    }

    private static String token(IncidentPageLinks.Link link) {
        return link.url().substring(link.url().indexOf("?t=") + 3);
    }

    @Test
    void aLinkOpensItsIncidentOnEveryReplicaUntilItExpires() {
        IncidentPageLinks.Link link = replicaA.issue("outage");
        assertThat(link.url()).startsWith("https://bot.example.com/incident-page/outage?t=0.");
        assertThat(link.expires()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(replicaB.check("outage", token(link)))
                .isEqualTo(new IncidentPageLinks.Granted("outage", link.expires()));
        clock.set(link.expires().minusSeconds(1));
        assertThat(replicaB.check("outage", token(link))).isInstanceOf(IncidentPageLinks.Granted.class);
        clock.set(link.expires());
        assertThat(replicaB.check("outage", token(link))).isEqualTo(new IncidentPageLinks.Refused("expired"));
    }

    @Test
    void anyChangedPartOrAnotherIncidentIsRefused() {
        String t = token(replicaA.issue("outage"));
        String[] parts = t.split("\\.");
        assertThat(replicaA.check("outage-2", t)).isEqualTo(new IncidentPageLinks.Refused("bad signature"));
        assertThat(replicaA.check("outage", "1." + parts[1] + "." + parts[2]))
                .isEqualTo(new IncidentPageLinks.Refused("bad signature"));
        assertThat(replicaA.check("outage", parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2]))
                .isEqualTo(new IncidentPageLinks.Refused("bad signature"));
        char c = parts[2].charAt(5);
        String flipped = parts[2].substring(0, 5) + (c == 'x' ? 'y' : 'x') + parts[2].substring(6);
        assertThat(replicaA.check("outage", parts[0] + "." + parts[1] + "." + flipped))
                .isEqualTo(new IncidentPageLinks.Refused("bad signature"));
        for (String malformed : new String[]{"", "abc", t + "x", t.replace('.', ','), null}) {
            assertThat(replicaA.check("outage", malformed)).isInstanceOf(IncidentPageLinks.Refused.class);
        }
        var otherSecret = links(new IncidentPageProperties("https://bot.example.com", SECRET.replace('0', '1'),
                Duration.ofHours(2), Duration.ofSeconds(30)));
        assertThat(otherSecret.check("outage", t)).isEqualTo(new IncidentPageLinks.Refused("bad signature"));
    }

    @Test
    void aRevokeOnOneReplicaEndsEveryEarlierLinkOnAll() {
        var first = replicaA.issue("outage");
        var second = replicaB.issue("outage");
        var otherIncident = replicaA.issue("other");
        replicaB.revoke("outage");
        assertThat(replicaA.check("outage", token(first))).isEqualTo(new IncidentPageLinks.Refused("revoked"));
        assertThat(replicaB.check("outage", token(second))).isEqualTo(new IncidentPageLinks.Refused("revoked"));
        assertThat(replicaA.check("other", token(otherIncident))).isInstanceOf(IncidentPageLinks.Granted.class);
        var fresh = replicaA.issue("outage");
        assertThat(fresh.url()).contains("?t=1.");
        assertThat(replicaB.check("outage", token(fresh))).isInstanceOf(IncidentPageLinks.Granted.class);
    }

    @Test
    void settingsRefuseAShortSecretAndNeverPrintIt() {
        assertThatThrownBy(() -> new IncidentPageProperties("https://bot.example.com", "short", Duration.ofHours(1),
                Duration.ofSeconds(30))).hasMessageContaining("at least 32 characters").hasMessageNotContaining("short");
        assertThatThrownBy(() -> new IncidentPageProperties("javascript:alert(1)", SECRET, Duration.ofHours(1),
                Duration.ofSeconds(30))).hasMessageContaining("base-url");
        assertThat(properties.toString()).doesNotContain(SECRET).contains("secret=(set)");
        assertThat(new IncidentPageProperties("", "", Duration.ofHours(1), Duration.ofSeconds(30)).enabled()).isFalse();
        assertThatThrownBy(() -> new IncidentPageLinks(new IncidentPageProperties("", SECRET, Duration.ofHours(1),
                Duration.ofSeconds(30)), new RedisPageLinkGenerations(TestRedis.client(), keys), clock))
                .hasMessageContaining("base-url");
    }
}
