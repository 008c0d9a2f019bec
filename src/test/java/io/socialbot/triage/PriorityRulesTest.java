package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.Mention;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityRulesTest {

    private static final TriageDecision.Sentiment NEUTRAL =
            new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEUTRAL, 0);
    private static final TriageDecision.Sentiment NEGATIVE =
            new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEGATIVE, -0.8);
    private static final TriageDecision.Cluster SINGLE =
            new TriageDecision.Cluster("twitter:1", TriageDecision.Cluster.Kind.SINGLE, 1);

    private final PriorityRules rules = PriorityRules.from(TriageFixtures.shippedSettings());

    private PriorityRules.Outcome decide(Mention m, TriageDecision.Sentiment s, Map<String, String> themes) {
        return rules.decide(new PriorityRule.Signals(m, s, themes, SINGLE, Duration.ZERO));
    }

    private static Mention small() {
        return TriageFixtures.mention("1", "text", "someone", 10, false);
    }

    @Test
    void safetyIsP1ForATenFollowerAccount() {
        var out = decide(small(), NEGATIVE, Map.of("emergency", "ambulance", "outage", "no signal"));

        assertThat(out.priority()).isEqualTo(TriageDecision.Priority.P1);
        assertThat(out.reasons()).containsExactly("P1: safety (\"ambulance\")", "negative -0.8", "outage (\"no signal\")");
    }

    @Test
    void pressAndLegalAreP1() {
        assertThat(decide(small(), NEUTRAL, Map.of("press", "journalist")).reasons())
                .containsExactly("P1: press (\"journalist\")");
        assertThat(decide(small(), NEUTRAL, Map.of("legal", "ofcom")).reasons())
                .containsExactly("P1: legal (\"ofcom\")");
    }

    @Test
    void largeOrVerifiedAudiencesAreP1() {
        var large = decide(TriageFixtures.mention("1", "t", "big", 120_000, true), NEUTRAL, Map.of());
        var verified = decide(TriageFixtures.mention("1", "t", "v", 800, true), NEUTRAL, Map.of());

        assertThat(large.reasons()).containsExactly("P1: influence: 120k followers, verified");
        assertThat(verified.priority()).isEqualTo(TriageDecision.Priority.P1);
        assertThat(verified.reasons()).containsExactly("P1: influence: 800 followers, verified");
    }

    private static Mention ticked(long followers, String verifiedType) {
        Mention m = small();
        return new Mention(m.id(), m.source(), m.createdAt(), m.text(),
                new Mention.Author("u1", "ticked", "Ticked", followers, true, verifiedType), null, null, null, null,
                Mention.Metrics.NONE);
    }

    @Test
    void aPaidTickAloneIsNotInfluenceButIsShown() {
        var paid = decide(ticked(800, "blue"), NEUTRAL, Map.of());
        var business = decide(ticked(800, "business"), NEUTRAL, Map.of());
        var government = decide(ticked(800, "government"), NEUTRAL, Map.of());

        assertThat(paid.priority()).isEqualTo(TriageDecision.Priority.P4);
        assertThat(paid.reasons()).containsExactly("P4: influence: 800 followers, paid tick");
        assertThat(business.priority()).isEqualTo(TriageDecision.Priority.P1);
        assertThat(business.reasons()).containsExactly("P1: influence: 800 followers, verified");
        assertThat(government.priority()).isEqualTo(TriageDecision.Priority.P1);
        // a paid tick on a genuinely large account is P1 for the audience, and says which tick it is
        assertThat(decide(ticked(150_000, "blue"), NEUTRAL, Map.of()).reasons())
                .containsExactly("P1: influence: 150k followers, paid tick");
    }

    @Test
    void anEchoOfAP1ThemeIsSaidButLeavesP1ToThePostItRepeats() {
        var echo = rules.decide(new PriorityRule.Signals(small(), NEUTRAL, Map.of("emergency", "999"), SINGLE,
                Duration.ZERO, true));
        var press = rules.decide(new PriorityRule.Signals(small(), NEUTRAL, Map.of("press", "journalist"), SINGLE,
                Duration.ZERO, true));

        assertThat(echo.priority()).isEqualTo(TriageDecision.Priority.P4);
        assertThat(echo.reasons()).containsExactly("P4: safety (\"999\"), shared");
        assertThat(press.priority()).isEqualTo(TriageDecision.Priority.P4);
        assertThat(decide(small(), NEUTRAL, Map.of("emergency", "999")).priority())
                .isEqualTo(TriageDecision.Priority.P1);
    }

    @Test
    void churnAndCompensationWithAnAngryToneRankHighButAScoreAloneIsNeverP1() {
        var churn = decide(small(), NEGATIVE, Map.of("churn", "switching", "outage", "down"));
        var compensation = decide(small(), NEUTRAL, Map.of("compensation", "refund*"));

        var both = decide(small(), NEGATIVE, Map.of("churn", "leaving", "compensation", "refund*"));

        assertThat(churn.priority()).isEqualTo(TriageDecision.Priority.P2);
        assertThat(churn.reasons()).containsExactly("P2: churn (\"switching\")", "negative -0.8", "outage (\"down\")");
        // 35 + 30 + 24: once P1 by score; P1 now means a human now (safety, press, legal, audience)
        assertThat(both.reasons()).containsExactly("P2: churn (\"leaving\")", "compensation (\"refund*\")",
                "negative -0.8");
        var scoredP1 = TriageFixtures.shippedSettings();
        var withP1Score = new TriageProperties(scoredP1.brand(), scoredP1.spam(), scoredP1.themes(), scoredP1.places(),
                new TriageProperties.Priority(scoredP1.priority().rules(), new TriageProperties.Thresholds(80, 40, 15),
                        30, 0.3, 8, 2, 25), scoredP1.influence(), scoredP1.routing(), scoredP1.rateGuard(),
                scoredP1.clusters());
        assertThat(PriorityRules.from(withP1Score).decide(new PriorityRule.Signals(small(), NEGATIVE,
                Map.of("churn", "leaving", "compensation", "refund*"), SINGLE, Duration.ZERO)).priority())
                .as("a configured p1 threshold still lets a score reach P1").isEqualTo(TriageDecision.Priority.P1);
        assertThat(compensation.priority()).isEqualTo(TriageDecision.Priority.P3);
        assertThat(compensation.reasons()).containsExactly("P3: compensation (\"refund*\")");
    }

    @Test
    void negativeToneAloneIsP3AndNeedsToBeClearlyNegative() {
        assertThat(decide(small(), NEGATIVE, Map.of()).reasons()).containsExactly("P3: negative -0.8");
        var mild = new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEGATIVE, -0.2);
        assertThat(decide(small(), mild, Map.of()).reasons()).containsExactly("P4: no rule matched");
    }

    @Test
    void influenceIsLogScaledFollowersAndEngagement() {
        Mention m = new Mention("1", "twitter", TriageFixtures.T0, "t",
                new Mention.Author("a", "mid", "Mid", 5_230, false), null, null, null, null,
                new Mention.Metrics(150, 90));
        var out = decide(m, NEUTRAL, Map.of("outage", "down"));

        // (log10(5231) - 2) * 8 + log10(241) * 2 = 13.8 + 4.8, above the outage's 15: P3 (15..40)
        assertThat(out.reasons()).containsExactly("P3: influence: 5.2k followers, 240 retweets and likes",
                "outage (\"down\")");
        var quiet = decide(TriageFixtures.mention("1", "t", "q", 400, false), NEUTRAL, Map.of("outage", "down"));
        assertThat(quiet.reasons()).containsExactly("P3: outage (\"down\")");
    }

    @Test
    void stormIsAFastGrowingCluster() {
        var storm = new TriageDecision.Cluster("twitter:1", TriageDecision.Cluster.Kind.RETWEET, 341);
        var out = rules.decide(new PriorityRule.Signals(small(), NEGATIVE, Map.of(), storm, Duration.ofMinutes(10)));
        var slow = rules.decide(new PriorityRule.Signals(small(), NEGATIVE, Map.of(), storm, Duration.ofHours(2)));

        assertThat(out.reasons()).containsExactly("P2: storm: 340 retweets in 10 min", "negative -0.8");
        assertThat(slow.reasons()).containsExactly("P3: negative -0.8");
    }

    @Test
    void countsReadShort() {
        assertThat(PriorityRules.count(950)).isEqualTo("950");
        assertThat(PriorityRules.count(5_230)).isEqualTo("5.2k");
        assertThat(PriorityRules.count(120_400)).isEqualTo("120k");
        assertThat(PriorityRules.count(1_250_000)).isEqualTo("1.2M");
        assertThat(PriorityRules.oneDecimal(-0.75)).isEqualTo("-0.8");
        assertThat(PriorityRules.oneDecimal(-0.31)).isEqualTo("-0.3");
        assertThat(PriorityRules.oneDecimal(-1.0)).isEqualTo("-1.0");
    }
}
