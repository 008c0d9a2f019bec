package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.Mention;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final TriageDecision.Sentiment NEUTRAL =
            new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEUTRAL, 0);
    private static final TriageDecision.Sentiment NEGATIVE =
            new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEGATIVE, -0.8);

    private final TriageProperties settings = TriageFixtures.shippedSettings();
    private final PriorityRules rules = PriorityRules.from(settings);
    private final Router router = new Router(settings.routing());

    private String route(Mention m, TriageDecision.Sentiment s, Map<String, String> themes, String lang) {
        var cluster = new TriageDecision.Cluster(m.key(), TriageDecision.Cluster.Kind.SINGLE, 1);
        return router.route(rules.decide(new PriorityRule.Signals(m, s, themes, cluster, Duration.ZERO)), themes, lang);
    }

    private static Mention small() {
        return TriageFixtures.mention("1", "t", "small", 10, false);
    }

    @Test
    void safetyGoesToUrgentEvenInAnotherLanguageOrWithPressWords() {
        assertThat(route(small(), NEUTRAL, Map.of("emergency", "112"), "nl")).isEqualTo("#care-urgent");
        assertThat(route(small(), NEUTRAL, Map.of("emergency", "112", "press", "bbc"), "en")).isEqualTo("#care-urgent");
    }

    @Test
    void pressHasItsOwnChannelAndLegalIsUrgent() {
        assertThat(route(small(), NEUTRAL, Map.of("press", "journalist"), "en")).isEqualTo("#care-press");
        assertThat(route(small(), NEUTRAL, Map.of("legal", "ofcom"), "en")).isEqualTo("#care-urgent");
    }

    @Test
    void largeAudiencesGoToInfluencers() {
        assertThat(route(TriageFixtures.mention("1", "t", "big", 250_000, false), NEUTRAL, Map.of(), "en"))
                .isEqualTo("#care-influencers");
    }

    @Test
    void otherLanguagesGoToInternationalBelowP1() {
        assertThat(route(small(), NEGATIVE, Map.of("outage", "down"), "es")).isEqualTo("#care-international");
        assertThat(route(small(), NEGATIVE, Map.of("outage", "down"), "en")).isEqualTo("#care-queue");
    }

    @Test
    void byPriorityWithP4NotPosted() {
        assertThat(route(small(), NEGATIVE, Map.of("legal", "ofcom"), "en")).isEqualTo("#care-urgent");
        assertThat(route(small(), NEGATIVE, Map.of("churn", "leaving", "compensation", "refund*"), "en"))
                .isEqualTo("#care-queue");
        assertThat(route(small(), NEUTRAL, Map.of(), "en")).isNull();
        assertThat(route(small(), NEUTRAL, Map.of(), "fr")).isEqualTo("#care-international");
    }
}
