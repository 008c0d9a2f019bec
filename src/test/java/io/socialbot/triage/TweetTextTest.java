package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TweetTextTest {

    @Test
    void keepsOnlyLowerCaseWords() {
        assertThat(TweetText.lettersOnly("@united Flight 1234 DELAYED again!! 😡 #fail https://t.co/xyz www.x.com"))
                .isEqualTo("flight delayed again fail");
        assertThat(TweetText.lettersOnly("I can't, it's l'été")).isEqualTo("i can't it's l'été");
        assertThat(TweetText.lettersOnly("mail me at a@b.com")).isEqualTo("mail me at a b com");
        assertThat(TweetText.lettersOnly("123 😀 @x")).isEmpty();
    }

    @Test
    void hintCountsFunctionWords() {
        double[] scores = new StopwordLanguageHint().scores(TweetText.lettersOnly("waarom is mijn vlucht nog niet vertrokken"));
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            best = scores[i] > scores[best] ? i : best;
        }
        assertThat(StopwordLanguageHint.LANGUAGES.get(best)).isEqualTo("nl");
    }
}
