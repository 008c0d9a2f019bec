package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconSentimentClassifierTest {

    private final LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();

    private Label label(String text) {
        return lexicon.classify(text).label();
    }

    @Test
    void plainPraiseAndComplaint() {
        assertThat(label("The crew was amazing, great flight")).isEqualTo(Label.POSITIVE);
        assertThat(label("terrible service, rude staff")).isEqualTo(Label.NEGATIVE);
        assertThat(label("What time does boarding start")).isEqualTo(Label.NEUTRAL);
        assertThat(lexicon.score("")).isZero();
        assertThat(lexicon.score(null)).isZero();
    }

    @Test
    void inflectionOnlyWhereItIsRight() {
        // "latest" is not a superlative of "late": announcing the latest edition is news, not a complaint
        assertThat(lexicon.score("the latest edition of the magazine is out")).isZero();
        assertThat(label("the train was late again")).isEqualTo(Label.NEGATIVE);
        assertThat(label("the kindest staff")).isEqualTo(Label.POSITIVE);
        assertThat(Inflections.superlative("kind")).isEqualTo("kindest");
        assertThat(Inflections.superlative("nice")).isEqualTo("nicest");
        assertThat(Inflections.superlative("happy")).isEqualTo("happiest");
        assertThat(Inflections.superlative("sad")).isEqualTo("saddest");
        assertThat(Inflections.superlative("cool")).isEqualTo("coolest");
    }

    @Test
    void aQuestionAboutTheOutageAsksButAComplaintInItStillCounts() {
        assertThat(lexicon.score("@BrandTel is there an outage in Hull?")).isZero();
        assertThat(lexicon.score("@BrandTel is the network down for others too?")).isZero();
        assertThat(lexicon.score("@BrandTel hay alguna avería en Murcia?")).isZero();
        // the same words stated, and a question that complains, stay negative
        assertThat(label("@BrandTel the network is down again")).isEqualTo(Label.NEGATIVE);
        assertThat(label("@BrandTel how is it still down?? useless")).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void promotionsSellRatherThanPraise() {
        assertThat(lexicon.score("WIN a free phone! Follow and RT to enter")).isLessThanOrEqualTo(0);
        assertThat(lexicon.score("our latest collection: the best deals, free delivery this week only"))
                .isLessThanOrEqualTo(0);
        assertThat(label("thanks for the free upgrade, amazing")).isEqualTo(Label.POSITIVE);
    }

    @Test
    void aNewsReportWeighsLessThanTheWritersOwnWords() {
        double reported = Math.abs(lexicon.score("the outage was terrible for thousands, the company said"));
        double felt = Math.abs(lexicon.score("the outage was terrible for thousands"));
        assertThat(reported).isLessThan(felt);
    }

    @Test
    void outageComplaintsInTheOtherCustomerLanguagesAreNegative() {
        for (String complaint : List.of(
                "@BrandTel toujours pas de réseau à Paris depuis ce matin, c'est inadmissible",
                "@BrandTel llevo todo el día sin cobertura en Barcelona",
                "@BrandTel al sinds vanochtend geen bereik in Amsterdam",
                "@BrandTel seit heute früh kein Netz in Berlin, eine Frechheit")) {
            assertThat(label(complaint)).as(complaint).isEqualTo(Label.NEGATIVE);
        }
        assertThat(label("@BrandTel ¿a qué hora abre la tienda de Madrid?")).isEqualTo(Label.NEUTRAL);
    }

    @Test
    void negationFlipsTheNextWords() {
        assertThat(lexicon.score("the staff were helpful")).isPositive();
        assertThat(lexicon.score("the staff were not helpful")).isNegative();
        assertThat(lexicon.score("the app isn't bad")).isGreaterThan(lexicon.score("the app is bad"));
    }

    @Test
    void negationEndsAtTheClause() {
        // without the comma "useless" would be in "no"'s reach and read as praise
        assertThat(label("working again after 6 hours, no apology, useless")).isEqualTo(Label.NEGATIVE);
        assertThat(lexicon.score("no refund, helpful staff though")).isPositive();
        assertThat(lexicon.score("no refund and helpful staff")).isLessThan(lexicon.score("no refund, helpful staff"));
    }

    @Test
    void aServiceBackAfterAnOutageIsGoodNews() {
        assertThat(label("thank you, broadband working again!")).isEqualTo(Label.POSITIVE);
        assertThat(label("@BrandTel service restored in Leeds, thanks team")).isEqualTo(Label.POSITIVE);
        assertThat(label("@BrandTel still not working again today")).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void aChangeWithoutWarningIsAComplaint() {
        // "without" used to negate "warning" into praise
        assertThat(label("@AcmeTel bill went up again without warning")).isEqualTo(Label.NEGATIVE);
        assertThat(label("@AcmeTel cut off without any notice")).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void intensifiersAndCapitalsStrengthen() {
        assertThat(lexicon.score("the service was very good")).isGreaterThan(lexicon.score("the service was good"));
        assertThat(lexicon.score("the service was slightly good")).isLessThan(lexicon.score("the service was good"));
        assertThat(lexicon.score("the food was BAD today")).isLessThan(lexicon.score("the food was bad today"));
        assertThat(lexicon.score("good flight!!!")).isGreaterThan(lexicon.score("good flight"));
    }

    @Test
    void emojiAndEmoticonsCarryFeeling() {
        assertThat(label("landed in Denver 😍")).isEqualTo(Label.POSITIVE);
        assertThat(label("landed in Denver 😡")).isEqualTo(Label.NEGATIVE);
        assertThat(label("landed in Denver :)")).isEqualTo(Label.POSITIVE);
        assertThat(label("landed in Denver :(")).isEqualTo(Label.NEGATIVE);
        assertThat(label("landed in Denver")).isEqualTo(Label.NEUTRAL);
    }

    @Test
    void customerCareComplaintsAreNegative() {
        for (String text : new String[] {"internet still down in Leeds", "no signal at home since Monday",
            "no service in the city centre", "stranded in Chicago", "stuck at the gate", "flight 123 delayed",
            "my flight got cancelled", "still waiting for a callback", "on hold for an hour",
            "nobody answers the phone", "you lost my bag", "worst airline", "your app is useless",
            "I want a refund", "is there compensation for this"}) {
            assertThat(label(text)).as(text).isEqualTo(Label.NEGATIVE);
        }
    }

    @Test
    void brandHandlesAndLinksCarryNoSentiment() {
        assertThat(lexicon.score("@united")).isZero();
        assertThat(lexicon.score("@united @AmericanAir https://t.co/awesome")).isZero();
        assertThat(lexicon.score("@SuperAwesomeAir what gate is AA100")).isEqualTo(lexicon.score("what gate is AA100"));
        assertThat(lexicon.score("@WorstBank hi")).isZero();
    }

    @Test
    void ironyIsNegative() {
        assertThat(label("thanks for nothing")).isEqualTo(Label.NEGATIVE);
        assertThat(label("great job losing my bag")).isEqualTo(Label.NEGATIVE);
        assertThat(label("awesome, delayed again")).isEqualTo(Label.NEGATIVE);
        assertThat(label("thanks for the 3 hour wait")).isEqualTo(Label.NEGATIVE);
        assertThat(label("great job on the new app")).isEqualTo(Label.POSITIVE);
    }

    @Test
    void politenessInsideAComplaintIsNotPraise() {
        double complaint = lexicon.score("my flight was cancelled and nobody answers");
        assertThat(lexicon.score("please help, my flight was cancelled and nobody answers, thanks"))
                .isEqualTo(complaint);
        assertThat(label("thanks for the quick reply")).isEqualTo(Label.POSITIVE);
    }

    @Test
    void butShiftsTheWeightToWhatFollows() {
        assertThat(label("the crew was nice but the seat was broken and filthy")).isEqualTo(Label.NEGATIVE);
        assertThat(label("the flight was late but the crew was wonderful")).isEqualTo(Label.POSITIVE);
    }

    @Test
    void scoresStayWithinMinusOneAndOne() {
        assertThat(lexicon.score("worst worst worst awful horrible terrible 😡😡😡 !!!!")).isBetween(-1.0, -0.9);
        assertThat(lexicon.score("best best amazing wonderful love love 😍😍 !!!!")).isBetween(0.9, 1.0);
    }

    @Test
    void verdictTokenFollowsTheScore() {
        assertThat(lexicon.verdictToken(lexicon.score("worst airline ever, rude and useless")))
                .isEqualTo("__lex_neg2__");
        assertThat(lexicon.verdictToken(lexicon.score("what gate"))).isEqualTo("__lex_neu__");
        assertThat(lexicon.tokens("@united 2 hours :) Great")).containsExactly("<num>", "hours", ":)", "great");
    }

    @Test
    void negatorsAreTheListedWordsAsTokensSpellThem() {
        assertThat(lexicon.negates("not")).isTrue();
        assertThat(lexicon.negates(lexicon.tokens("Can\u2019t").get(0))).isTrue();
        assertThat(lexicon.negates("now")).isFalse();
    }
}
