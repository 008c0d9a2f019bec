package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    private final NearDuplicates duplicates = new NearDuplicates(4);

    private NearDuplicates.Fingerprint of(String text) {
        return duplicates.fingerprint(MentionText.of(text).words());
    }

    @Test
    void sameArticleWithOtherLinksHandlesAndCaseHasTheSameFingerprint() {
        var a = of("BrandTel outage leaves thousands without 999 access, says watchdog https://t.co/aaa111 @news");
        var b = of("brandtel OUTAGE leaves thousands without 999 access says watchdog!! https://bit.ly/zz9 @BrandTel");

        assertThat(a).isEqualTo(b);
        assertThat(NearDuplicates.agreement(a.signature(), b.signature())).isEqualTo(NearDuplicates.HASHES);
    }

    @Test
    void aSmallEditStillAgreesOnMostSlotsAndSharesABand() {
        var a = of("@BrandTel no signal in Leeds since 6am, whole street is down and nobody answers the phone");
        var b = of("@BrandTel no signal in Leeds since 6am, whole street is down and nobody answers the phone!! fix it");

        assertThat(NearDuplicates.agreement(a.signature(), b.signature()))
                .isGreaterThanOrEqualTo(NearDuplicates.requiredAgreement(0.6));
        assertThat(a.bands()).containsAnyElementsOf(b.bands());
    }

    @Test
    void differentComplaintsDoNotAgree() {
        var a = of("@BrandTel no signal in Leeds since 6am, whole street is down");
        var b = of("@BrandTel my bill doubled this month and nobody explains why");

        assertThat(NearDuplicates.agreement(a.signature(), b.signature()))
                .isLessThan(NearDuplicates.requiredAgreement(0.6));
        assertThat(a.bands()).doesNotContainAnyElementsOf(b.bands());
    }

    @Test
    void shortTextsGroupOnlyWhenIdentical() {
        assertThat(of("@BrandTel down??")).isEqualTo(of("@brandtel DOWN"));
        assertThat(of("@BrandTel down??").bands()).doesNotContainAnyElementsOf(of("@BrandTel down again").bands());
        assertThat(of("https://t.co/x @a")).isEqualTo(NearDuplicates.Fingerprint.NONE);
    }
}
