package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.TriageDecision.Sentiment;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShippedDoccatModelTest {

    static final LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
    static Path corpus;
    static SentimentClassifier shipped;

    @BeforeAll
    static void load() throws Exception {
        corpus = Path.of(ShippedDoccatModelTest.class.getResource("/sentiment/corpus.tsv").toURI());
        shipped = ShippedDoccatModel.blendedWith(lexicon);
    }

    private static Label label(String text) {
        return shipped.classify(text).label();
    }

    @Test
    void theCorpusIsTheProjectsOwnAndHasEveryLabelInReasonableNumbers() throws Exception {
        List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("id\tlabel\tmeta\ttext");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line ->
                assertThat(line.split("\t", 4)[2]).matches("written-for-socialbot( lang=(en|nl|es|fr|de) kind=[a-z]+)? writer=w[0-9]+"));
        List<LabelledText> rows = LabelledText.read(corpus);
        Map<Label, Integer> counts = new EnumMap<>(Label.class);
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (LabelledText row : rows) {
            counts.merge(row.label(), 1, Integer::sum);
            ids.add(row.id());
            texts.add(row.text());
        }
        assertThat(rows).hasSizeGreaterThan(3000);
        assertThat(ids).hasSameSizeAs(rows);
        assertThat(texts).as("no text twice").hasSameSizeAs(rows);
        for (Label label : Label.values()) {
            assertThat(counts.getOrDefault(label, 0)).as(label.name()).isGreaterThan(rows.size() / 4);
        }
    }

    @Test
    void theShippedModelIsTheOneTheCorpusTrainsEveryTime() throws Exception {
        List<LabelledText> rows = LabelledText.read(corpus);
        // one model at a time: training on the whole corpus takes most of a test JVM's heap on its own
        List<Sentiment> expected = classifyAll(ShippedDoccatModel.train(rows, lexicon), rows);
        List<Sentiment> again = classifyAll(ShippedDoccatModel.train(rows, lexicon), rows);
        DoccatSentimentClassifier built = ShippedDoccatModel.shipped(lexicon);
        List<Sentiment> shipped = classifyAll(built, rows);
        for (int i = 0; i < rows.size(); i++) {
            String text = rows.get(i).text();
            for (Sentiment actual : List.of(again.get(i), shipped.get(i))) {
                assertThat(actual.label()).as(text).isEqualTo(expected.get(i).label());
                assertThat(actual.score()).as(text).isCloseTo(expected.get(i).score(), within(1e-12));
            }
            assertThat(built.score(text, lexicon.score(text))).isCloseTo(expected.get(i).score(), within(1e-12));
        }
    }

    private static List<Sentiment> classifyAll(DoccatSentimentClassifier model, List<LabelledText> rows) {
        return rows.stream().map(row -> model.classify(row.text())).toList();
    }

    @Test
    void complaintsWithNegationOrIronyAreNegative() {
        assertThat(label("@AcmeTel not happy at all, the broadband is not working and nobody calls back"))
                .isEqualTo(Label.NEGATIVE);
        assertThat(label("@AcmeAir great job losing my suitcase on a two hour flight")).isEqualTo(Label.NEGATIVE);
        assertThat(label("@AcmeRail brilliant, the 8:15 is cancelled again")).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void plainQuestionsAreNeutralAndThanksArePositive() {
        assertThat(label("@AcmeAir what time does check in open for the 6am flight to Porto?"))
                .isEqualTo(Label.NEUTRAL);
        assertThat(label("@AcmeTel how do I get a PAC code?")).isEqualTo(Label.NEUTRAL);
        assertThat(label("@AcmeAir DM sent with my booking reference")).isEqualTo(Label.NEUTRAL);
        assertThat(label("@AcmeTel thanks, all sorted now, really appreciate the help")).isEqualTo(Label.POSITIVE);
        assertThat(label("@AcmeAir the crew were wonderful with my kids, thanks so much")).isEqualTo(Label.POSITIVE);
    }

    @Test
    void theModelCatchesAComplaintTheLexiconMisses() {
        // no feeling word at all; the corpus taught the model what a lost bag sounds like
        String text = "@AcmeAir our bags went to Madrid and we went to Lisbon";
        assertThat(lexicon.classify(text).label()).isEqualTo(Label.NEUTRAL);
        assertThat(label(text)).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void theScoreStaysWithinMinusOneAndOne() throws Exception {
        for (LabelledText row : LabelledText.read(corpus)) {
            assertThat(shipped.classify(row.text()).score()).isBetween(-1.0, 1.0);
        }
        assertThat(shipped.classify("WORST WORST WORST airline EVER!!!! 😡😡😡").score()).isBetween(-1.0, -0.5);
        assertThat(shipped.classify("BEST crew EVER, amazing amazing amazing!!!! 😍😍😍").score()).isBetween(0.5, 1.0);
        assertThat(shipped.classify("").label()).isEqualTo(Label.NEUTRAL);
    }
}
