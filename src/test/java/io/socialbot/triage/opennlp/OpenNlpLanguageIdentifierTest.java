package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenNlpLanguageIdentifierTest {

    private static OpenNlpLanguageIdentifier identifier;

    @BeforeAll
    static void loadModel() {
        identifier = new OpenNlpLanguageIdentifier();
    }

    @Test
    void namesTheLanguageOfShortCustomerCareTweets() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/lang/short-tweets.tsv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        int right = 0;
        StringBuilder misses = new StringBuilder();
        for (String line : lines) {
            String[] parts = line.split("\t", 2);
            Optional<String> lang = identifier.identify(parts[1]);
            if (lang.equals(Optional.of(parts[0]))) {
                right++;
            } else {
                misses.append("  ").append(parts[0]).append(" -> ").append(lang.orElse("?")).append(": ")
                        .append(parts[1]).append('\n');
            }
        }
        double accuracy = (double) right / lines.size();
        System.out.printf("language identification: %d/%d = %.1f%%%n%s", right, lines.size(), 100 * accuracy, misses);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(200);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void ignoresHandlesLinksTagsEmojiAndDigits() {
        assertThat(identifier.identify("@AcmeAir https://t.co/abc123 #12345 😡😡 42")).isEmpty();
        assertThat(identifier.identify("")).isEmpty();
        assertThat(identifier.identify(null)).isEmpty();
        assertThat(identifier.identify("@VirginAmerica @united #fail 2h https://t.co/x waarom is mijn vlucht weer vertraagd"))
                .contains("nl");
    }

    @Test
    void englishHeadlinesBuiltOfWordsFrenchSharesStayEnglish() {
        // "millions", "mobile", "signal" are French words too; the detector alone said fr for the first one
        assertThat(identifier.identify("Millions without mobile signal as BrandTel suffers nationwide outage "
                + "https://t.co/8pcf32erf3 via @DailyTech")).contains("en");
        assertThat(identifier.identify("BrandTel mobile network down across the UK after a fault")).contains("en");
        assertThat(identifier.identify("Réseau mobile en panne: des millions de clients sans signal")).contains("fr");
    }

    @Test
    void mapsIso6393ToIso6391() {
        assertThat(OpenNlpLanguageIdentifier.iso1("eng")).isEqualTo("en");
        assertThat(OpenNlpLanguageIdentifier.iso1("nld")).isEqualTo("nl");
        assertThat(OpenNlpLanguageIdentifier.iso1("spa")).isEqualTo("es");
        assertThat(OpenNlpLanguageIdentifier.iso1("fra")).isEqualTo("fr");
        assertThat(OpenNlpLanguageIdentifier.iso1("deu")).isEqualTo("de");
        assertThat(OpenNlpLanguageIdentifier.iso1("ita")).isEqualTo("it");
        assertThat(OpenNlpLanguageIdentifier.iso1("por")).isEqualTo("pt");
        assertThat(OpenNlpLanguageIdentifier.iso1("cmn")).isEqualTo("zh");
        assertThat(OpenNlpLanguageIdentifier.iso1("xyz")).isNull();
    }
}
