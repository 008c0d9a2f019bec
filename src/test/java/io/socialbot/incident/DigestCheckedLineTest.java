package io.socialbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.redis.RedisDigestCounts;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.SentimentLabels;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import io.socialbot.triage.redis.RedisSentimentLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The digest says how far to trust its sentiment shares: people's labels since the start against triage's. */
class DigestCheckedLineTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final RedisKeys keys = TestRedis.freshKeys();
    private final RedisIncidentStore incidents = new RedisIncidentStore(TestRedis.client(), keys);
    private final RedisDigestCounts counts = new RedisDigestCounts(TestRedis.client(), keys, Duration.ofDays(1));
    // the real store: the window is read there, by the labels' times
    private final RedisSentimentLabels labels = new RedisSentimentLabels(TestRedis.client(), keys);
    private final IncidentProperties properties = IncidentProperties.defaults();
    private final ReplayedIncident replay = new ReplayedIncident(new int[]{30, 40, 50}, new double[]{0.7, 0.6, 0.3}, 3);
    private DigestComposer composer;
    private Incident incident;

    @BeforeEach
    void replay() {
        incidents.start(ReplayedIncident.NAME, "C0INC", "ULEAD", ReplayedIncident.START);
        incident = incidents.current().orElseThrow();
        var listener = new IncidentMentionCounter(incidents, counts, properties);
        replay.items.forEach(i -> listener.onDecision(i.mention(), i.decision()));
        composer = TestDigests.composer(incidents, counts, new InMemoryCaseTimelineStore(), null, CaseLinks.NONE,
                labels, properties, new MutableClock(NOW));
    }

    void label(String key, Label shown, Label said, Instant at) {
        labels.record(new SentimentLabel(key, "text of " + key, "en", shown, 0, said, "U0AGENT", at));
    }

    @Test
    void labelsGivenSinceTheStartAreCountedWithTheCommonestMisreading() {
        Instant during = ReplayedIncident.START.plus(Duration.ofMinutes(30));
        label("x:1", Label.NEGATIVE, Label.NEUTRAL, during);
        label("x:2", Label.NEGATIVE, Label.NEUTRAL, during.plusSeconds(60));
        label("x:3", Label.POSITIVE, Label.NEGATIVE, during.plusSeconds(120));
        label("x:4", Label.NEUTRAL, Label.NEUTRAL, NOW.minusSeconds(1));
        label("x:5", Label.NEGATIVE, Label.POSITIVE, ReplayedIncident.START.minusSeconds(1)); // before the incident
        label("x:6", Label.NEGATIVE, Label.POSITIVE, NOW); // after the window's end
        label("x:7", null, Label.POSITIVE, during); // triage gave no sentiment: nothing to compare

        Digest digest = composer.compose(incident, NOW.minus(Duration.ofHours(1)), NOW, null);
        assertThat(digest.figures().checked()).isEqualTo(new DigestFigures.Checked(4, 1, Label.NEGATIVE, Label.NEUTRAL, 2));
        assertThat(digest.text()).contains("Checked by people: 4 posts labelled since the start, triage agreed on 1 "
                + "(25%). Most often it read negative where people said neutral (2).");
        int shares = digest.text().indexOf(" positive. Negative share by hour");
        assertThat(shares).as("the line follows the shares").isPositive().isLessThan(digest.text().indexOf("Checked by"));
    }

    @Test
    void withNoLabelsTheDigestSaysNothingAboutThem() {
        Digest digest = composer.compose(incident, NOW.minus(Duration.ofHours(1)), NOW, null);
        assertThat(digest.figures().checked()).isEqualTo(DigestFigures.Checked.NONE);
        assertThat(digest.text()).doesNotContain("Checked by people");
        label("x:1", Label.NEUTRAL, Label.NEUTRAL, NOW.minusSeconds(60));
        assertThat(composer.compose(incident, NOW.minus(Duration.ofHours(1)), NOW, null).text())
                .contains("triage agreed on 1 (100%).").doesNotContain("Most often");
    }

    @Test
    void anUnreadableLabelStoreLeavesTheLineOutAndTheDigestGoes() {
        DigestComposer failing = TestDigests.composer(incidents, counts, new InMemoryCaseTimelineStore(), null,
                CaseLinks.NONE, new SentimentLabels() {
                    @Override
                    public boolean record(SentimentLabel label) {
                        return true;
                    }

                    @Override
                    public List<SentimentLabel> between(Instant from, Instant to) {
                        throw new IllegalStateException("stored sentiment label is unreadable: planted");
                    }
                }, properties, new MutableClock(NOW));
        Digest digest = failing.compose(incident, NOW.minus(Duration.ofHours(1)), NOW, null);
        assertThat(digest.figures().checked()).isEqualTo(DigestFigures.Checked.NONE);
        assertThat(digest.text()).contains("negative ·").doesNotContain("Checked by people");
    }
}
