package io.socialbot.triage;

import io.socialbot.support.MutableClock;
import static io.socialbot.triage.TriageFixtures.mention;
import static io.socialbot.triage.TriageFixtures.retweet;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.Mention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DefaultMentionTriageTest {

    private final MutableClock clock = new MutableClock(TriageFixtures.T0);
    private final TriageProperties settings = TriageFixtures.shippedSettings();
    private final InMemoryRateGuard rateGuard = new InMemoryRateGuard(clock, new TriageProperties.RateGuard(1.0, 1000));
    private final AtomicInteger identifierCalls = new AtomicInteger();
    private final LanguageIdentifier languages = text -> {
        identifierCalls.incrementAndGet();
        return TriageFixtures.languages().identify(text);
    };
    private final DefaultMentionTriage triage = new DefaultMentionTriage(settings, languages,
            TriageFixtures.sentiments(), new InMemoryClusterIndex(), rateGuard);

    @Test
    void anEmergencyFromATenFollowerAccountIsP1AndPostedToUrgent() {
        TriageDecision d = triage.triage(mention("1",
                "@BrandTel no signal since 6am, my elderly mum can't call 999 and has a medical alarm", "nobody", 10, false));

        assertThat(d.priority()).isEqualTo(TriageDecision.Priority.P1);
        // the first emergency phrase in the text names the reason
        assertThat(d.reasons()).containsExactly("P1: safety (\"elderly\")", "negative -0.8", "outage (\"no signal\")",
                "coverage (\"signal\")");
        assertThat(d.themes()).contains("emergency", "outage");
        assertThat(d.relevant()).isTrue();
        assertThat(d.postedTo()).isEqualTo("#care-urgent");
        assertThat(d.cluster()).isEqualTo(new TriageDecision.Cluster("twitter:1", TriageDecision.Cluster.Kind.SINGLE, 1));
        assertThat(d.key()).isEqualTo("twitter:1");
        assertThat(d.id()).isEqualTo("1");
        assertThat(d.sentiment().label()).isEqualTo(TriageDecision.Sentiment.Label.NEGATIVE);
    }

    @Test
    void aStormOfRetweetsIsOneClusterWithOnePost() {
        List<TriageDecision> decisions = new ArrayList<>();
        decisions.add(triage.triage(mention("100", "@BrandTel whole of Leeds has no signal, 3 hours now!", "loud", 40_000,
                false)));
        for (int i = 0; i < 300; i++) {
            Mention rt = retweet("r" + i, "100", "RT @loud: @BrandTel whole of Leeds has no signal, 3 hours now!");
            decisions.add(triage.triage(TriageFixtures.at(rt, TriageFixtures.T0.plusSeconds(2L * i))));
        }

        assertThat(decisions).extracting(d -> d.cluster().id()).containsOnly("twitter:100");
        assertThat(decisions).filteredOn(d -> d.postedTo() != null).hasSize(1);
        assertThat(decisions.get(0).postedTo()).isEqualTo("#care-queue");
        TriageDecision last = decisions.get(300);
        assertThat(last.cluster()).isEqualTo(new TriageDecision.Cluster("twitter:100", TriageDecision.Cluster.Kind.RETWEET,
                301));
        assertThat(last.reasons()).contains("P2: storm: 300 retweets in 10 min",
                "in cluster twitter:100 (retweet, 301): updates its post");
        assertThat(last.themes()).contains("outage").doesNotContain("place:leeds");
        assertThat(last.places()).containsExactly("leeds");
    }

    @Test
    void retweetsArrivingBeforeTheirOriginalStillMakeOneCluster() {
        TriageDecision rt1 = triage.triage(retweet("r1", "9", "RT @x: @BrandTel down in York"));
        TriageDecision rt2 = triage.triage(retweet("r2", "9", "RT @x: @BrandTel down in York"));
        TriageDecision original = triage.triage(mention("9", "@BrandTel down in York"));

        assertThat(List.of(rt1, rt2, original)).extracting(d -> d.cluster().id()).containsOnly("twitter:r1");
        assertThat(original.cluster().size()).isEqualTo(3);
        assertThat(original.postedTo()).isNull();
        assertThat(rt1.postedTo()).isNotNull();
    }

    @Test
    void manualRetweetsWithoutAnIdJoinByContent() {
        TriageDecision original = triage.triage(mention("1", "@BrandTel my broadband is down again and nobody answers"));
        TriageDecision rt = triage.triage(mention("2", "RT @user1: @BrandTel my broadband is down again and nobody answers"));

        assertThat(rt.cluster()).isEqualTo(new TriageDecision.Cluster("twitter:1", TriageDecision.Cluster.Kind.RETWEET, 2));
        assertThat(rt.postedTo()).isNull();
    }

    @Test
    void nearDuplicatesWithOtherShortLinksAreOneContentCluster() {
        String[] copies = {
            "BrandTel outage leaves thousands unable to call 999, regulator says https://t.co/Ab12 @BrandTel",
            "brandtel outage leaves thousands unable to call 999 - regulator says https://bit.ly/3xYz via @newsdesk @BrandTel",
            "BRANDTEL OUTAGE LEAVES THOUSANDS UNABLE TO CALL 999, REGULATOR SAYS!! https://t.co/Zz99 @BrandTelHelp",
            "@BrandTel BrandTel outage leaves thousands unable to call 999, regulator says https://lnkd.in/q1 #outage",
        };
        List<TriageDecision> decisions = new ArrayList<>();
        for (int i = 0; i < copies.length; i++) {
            decisions.add(triage.triage(mention("c" + i, copies[i])));
        }

        assertThat(decisions).extracting(d -> d.cluster().id()).containsOnly("twitter:c0");
        assertThat(decisions.get(3).cluster().kind()).isEqualTo(TriageDecision.Cluster.Kind.CONTENT);
        assertThat(decisions.get(3).cluster().size()).isEqualTo(4);
        assertThat(decisions).filteredOn(d -> d.postedTo() != null).hasSize(1);
    }

    @Test
    void differentComplaintsStaySeparate() {
        TriageDecision a = triage.triage(mention("1", "@BrandTel no signal in Leeds since this morning, whole street"));
        TriageDecision b = triage.triage(mention("2", "@BrandTel you charged me twice this month, sort my bill out!"));

        assertThat(a.cluster().id()).isEqualTo("twitter:1");
        assertThat(b.cluster().id()).isEqualTo("twitter:2");
        assertThat(b.postedTo()).isNotNull();
    }

    @Test
    void spamIsKeptCountedButNeverPosted() {
        TriageDecision d = triage.triage(mention("1", "GIVEAWAY! Follow and RT to win a free phone from @BrandTel"));

        assertThat(d.relevant()).isFalse();
        assertThat(d.postedTo()).isNull();
        assertThat(d.priority()).isEqualTo(TriageDecision.Priority.P4);
        assertThat(d.reasons()).containsExactly("P4: not relevant: spam (\"giveaway\")");
    }

    @Test
    void sameNameThingsAreNotRelevantUnlessTheyNameTheBrandHandle() {
        TriageDecision football = triage.triage(mention("1", "Come on Brandtel FC!!! Three points today, ambulance chasers lol"));
        TriageDecision customer = triage.triage(mention("2", "@BrandTel no signal at the brandtel stadium, can't watch!"));

        assertThat(football.relevant()).isFalse();
        assertThat(football.postedTo()).isNull();
        assertThat(football.reasons()).containsExactly("P4: not relevant: same name (\"come on brandtel\")");
        assertThat(customer.relevant()).isTrue();
        assertThat(customer.postedTo()).isNotNull();
    }

    @Test
    void textNotAboutTheBrandIsNotRelevant() {
        TriageDecision d = triage.triage(mention("1", "my phone is down again, great"));
        TriageDecision reply = triage.triage(new Mention("2", "twitter", TriageFixtures.T0, "still nothing here",
                new Mention.Author("a", "u", "u", 5, false), null, null, null, "777", null));

        assertThat(d.reasons()).containsExactly("P4: not relevant: no brand handle or keyword");
        assertThat(reply.relevant()).isTrue();
    }

    @Test
    void usesTheMentionsLanguageHintBeforeTheIdentifier() {
        TriageDecision hinted = triage.triage(TriageFixtures.withLang(mention("1", "@BrandTel geen bereik"), "NL-be"));
        assertThat(hinted.lang()).isEqualTo("nl");
        assertThat(identifierCalls).hasValue(0);

        TriageDecision guessed = triage.triage(mention("2", "@BrandTel el movil sin cobertura, down!"));
        assertThat(guessed.lang()).isEqualTo("es");
        assertThat(identifierCalls).hasValue(1);
        assertThat(guessed.postedTo()).isEqualTo("#care-international");

        TriageDecision und = triage.triage(TriageFixtures.withLang(mention("3", "@BrandTel down"), "und"));
        assertThat(und.lang()).isEqualTo("en");
    }

    @Test
    void whatTheRateGuardRefusesIsNotPostedButSaysWhy() {
        var tight = new DefaultMentionTriage(settings, languages, TriageFixtures.sentiments(), new InMemoryClusterIndex(),
                new InMemoryRateGuard(clock, new TriageProperties.RateGuard(1.0, 2)));
        List<TriageDecision> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(tight.triage(mention("e" + i, "@BrandTel ambulance can't get through, number " + i + " of " + (i * 7)
                    + " distinct words " + "abcdefgh".substring(i))));
        }

        assertThat(out).extracting(TriageDecision::postedTo)
                .containsExactly("#care-urgent", "#care-urgent", null, null);
        assertThat(out.get(2).reasons()).contains("not posted: #care-urgent rate limit");
        assertThat(out.get(2).priority()).isEqualTo(TriageDecision.Priority.P1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(tight.triage(mention("late", "@BrandTel ambulance needed at 4 Elm Road, line is dead")).postedTo())
                .isEqualTo("#care-urgent");
    }

    @Test
    void aClusterWhoseFirstMentionWasRateLimitedIsPostedByALaterMember() {
        var tight = new DefaultMentionTriage(settings, languages, TriageFixtures.sentiments(), new InMemoryClusterIndex(),
                new InMemoryRateGuard(clock, new TriageProperties.RateGuard(1.0, 1)));
        tight.triage(mention("other", "@BrandTel no signal in Hull since this morning at all!"));
        TriageDecision first = tight.triage(mention("1", "@BrandTel whole of Derby has no signal since 7am!"));
        TriageDecision rt1 = tight.triage(retweet("r1", "1", "RT @user1: @BrandTel whole of Derby has no signal since 7am!"));
        clock.advance(Duration.ofSeconds(1));
        TriageDecision rt2 = tight.triage(retweet("r2", "1", "RT @user1: @BrandTel whole of Derby has no signal since 7am!"));
        TriageDecision rt3 = tight.triage(retweet("r3", "1", "RT @user1: @BrandTel whole of Derby has no signal since 7am!"));

        assertThat(first.reasons()).contains("not posted: #care-queue rate limit");
        assertThat(rt1.postedTo()).isNull();
        assertThat(rt2.postedTo()).isEqualTo("#care-queue");
        assertThat(rt3.postedTo()).isNull();
        assertThat(rt3.reasons()).contains("in cluster twitter:1 (retweet, 4): updates its post");
    }

    @Test
    void lowPriorityIsNotPostedAndSaysSo() {
        TriageDecision d = triage.triage(mention("1", "@BrandTel what time does the shop open"));

        assertThat(d.priority()).isEqualTo(TriageDecision.Priority.P4);
        assertThat(d.postedTo()).isNull();
        assertThat(d.reasons()).containsExactly("P4: no rule matched", "not posted: no channel for P4");
    }

    @Test
    void aRedeliveredMentionDoesNotGrowItsCluster() {
        Mention m = mention("1", "@BrandTel down down down in Bristol since noon today");
        triage.triage(m);
        TriageDecision again = triage.triage(m);

        assertThat(again.cluster().size()).isEqualTo(1);
    }

    @Test
    void anotherBrandHandleCanBeWatched() {
        DefaultMentionTriage acme = triage.withBrandHandles(List.of("@AcmeMobile"));

        assertThat(acme.triage(mention("1", "@AcmeMobile no signal in Leeds!")).relevant()).isTrue();
        assertThat(acme.triage(mention("2", "@SomeoneElse no signal in Leeds!")).relevant()).isFalse();
    }

    @Test
    void placesAreTheirOwnFacetBesideThemes() {
        TriageDecision d = triage.triage(mention("1", "@BrandTel no coverage anywhere in Newcastle or York"));

        assertThat(d.themes()).containsExactly("coverage");
        assertThat(d.places()).containsExactly("newcastle", "york");
        assertThat(DecisionJson.read(DecisionJson.write(d))).isEqualTo(d);
        assertThat(DecisionJson.toJson(d).get("places").toString()).isEqualTo("[\"newcastle\",\"york\"]");
    }

    @Test
    void aRetweetOfASafetyCaseSaysSoButLeavesP1ToTheOriginal() {
        TriageDecision original = triage.triage(mention("500", "@BrandTel my nan's pendant alarm is dead, no signal"));
        TriageDecision echo = triage.triage(TriageFixtures.retweet("501", "500",
                "RT @someone: @BrandTel my nan's pendant alarm is dead, no signal"));

        assertThat(original.priority()).isEqualTo(TriageDecision.Priority.P1);
        assertThat(echo.priority()).isNotEqualTo(TriageDecision.Priority.P1);
        assertThat(echo.reasons()).anyMatch(r -> r.startsWith("safety (\"") && r.endsWith(", shared"));
    }
}
