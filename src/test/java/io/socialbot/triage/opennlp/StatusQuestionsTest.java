package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Neutral questions about an outage's status, 16 in each of en/nl/es/fr/de ({@code sentiment/status-questions.tsv},
 * written for this test and kept out of the training corpus): is it down for others too, any news on the fix, does
 * it affect a kind of plan, I heard or read about it. The shipped sentiment must read them as neutral: at least 90%
 * of all, and at least 12 of 16 in each language.
 */
class StatusQuestionsTest {

    static List<LabelledText> statusQuestions() throws Exception {
        return LabelledText.read(statusQuestionsFile());
    }

    static Path statusQuestionsFile() throws URISyntaxException {
        return Path.of(StatusQuestionsTest.class.getResource("/sentiment/status-questions.tsv").toURI());
    }

    @Test
    void theShippedSentimentReadsNeutralStatusQuestionsAsNeutralInEveryLanguage() throws Exception {
        SentimentClassifier shipped = ShippedDoccatModel.blendedWith(new LexiconSentimentClassifier());
        Map<String, int[]> byLanguage = new TreeMap<>();
        int neutral = 0;
        int total = 0;
        for (String line : Files.readAllLines(statusQuestionsFile()).subList(1, 81)) {
            String[] row = line.split("\t", 4);
            String lang = row[2].substring(row[2].indexOf("lang=") + 5, row[2].indexOf("lang=") + 7);
            int[] counts = byLanguage.computeIfAbsent(lang, l -> new int[2]);
            counts[1]++;
            total++;
            var sentiment = shipped.classify(row[3]);
            if (sentiment.label() == Label.NEUTRAL) {
                counts[0]++;
                neutral++;
            } else {
                System.out.println("status question not read as neutral: " + row[3] + " -> " + sentiment);
            }
        }
        byLanguage.forEach((lang, c) -> System.out.printf("status questions %s: %d of %d neutral%n", lang, c[0], c[1]));
        System.out.printf("status questions: %d of %d neutral (%.0f%%)%n", neutral, total, 100.0 * neutral / total);

        assertThat(total).isEqualTo(80);
        assertThat(byLanguage).containsOnlyKeys("de", "en", "es", "fr", "nl");
        assertThat(neutral).isGreaterThanOrEqualTo(72);
        byLanguage.forEach((lang, c) -> assertThat(c[0]).as(lang).isGreaterThanOrEqualTo(12));
    }

    @Test
    void aQuestionThatCarriesAComplaintIsStillNegative() {
        SentimentClassifier shipped = ShippedDoccatModel.blendedWith(new LexiconSentimentClassifier());
        List<String> complaints = List.of(
                "@BrandTel how is it still down?? it's been two days, useless",
                "@BrandTel why does nobody tell us anything? no signal for the third day running",
                "@BrandTel al sinds vanochtend geen bereik in Amsterdam, wanneer is dit eindelijk opgelost?",
                "@BrandTel waarom duurt het zo lang? al twee dagen geen internet, belachelijk",
                "@BrandTel llevo todo el día sin cobertura en Barcelona, ¿qué pasa?",
                "@BrandTel ¿para esto pago? otra vez sin internet, qué vergüenza",
                "@BrandTel encore une panne ? deux jours sans réseau, c'est inadmissible",
                "@BrandTel pourquoi personne ne répond ? toujours pas de réseau depuis hier",
                "@BrandTel schon wieder kein Netz? seit zwei Tagen, eine Frechheit",
                "@BrandTel warum sagt mir keiner was? seit gestern kein Internet, unmöglich");
        long negative = complaints.stream().filter(c -> shipped.classify(c).label() == Label.NEGATIVE).count();
        complaints.stream().filter(c -> shipped.classify(c).label() != Label.NEGATIVE)
                .forEach(c -> System.out.println("complaint question not read as negative: " + c));
        assertThat(negative).isGreaterThanOrEqualTo(8);
    }

    @Test
    void noStatusQuestionIsInTheTrainingCorpus() throws Exception {
        List<String> corpus = LabelledText.read(Path.of("src/main/resources/sentiment/corpus.tsv")).stream()
                .map(r -> r.text().toLowerCase()).toList();
        for (LabelledText q : statusQuestions()) {
            assertThat(corpus).doesNotContain(q.text().toLowerCase());
        }
    }
}
