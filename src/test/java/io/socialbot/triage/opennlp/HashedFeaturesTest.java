package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.TriageTexts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashedFeaturesTest {

    private final LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();

    private List<Long> hashed(String text) {
        LexiconSentimentClassifier.Reading reading = lexicon.read(text);
        List<Long> hashes = new ArrayList<>();
        ReferenceHashedFeatures.withCharacters(lexicon, text, reading.tokens(), reading.score(), hashes::add);
        return hashes;
    }

    private List<Long> ofStrings(String text) {
        return SentimentFeatures.withCharacters(lexicon, text).stream().map(FeatureHash::of).toList();
    }

    @Test
    void everyCorpusStatusQuestionAndOutageTextHashesToItsFeatureStringsInOrder() throws Exception {
        List<String> texts = new ArrayList<>(TriageTexts.all());
        texts.addAll(List.of("", "@brand", "not not not good", "NOT helpful!!! ?", "a", "ab", "x y z", "\u0000ok",
                "delayyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
                "Verspätung 😡😡 :( never again, über-spät", "¿dónde está mi paquete? 2 horas"));
        for (String text : texts) {
            assertThat(hashed(text)).as(text).containsExactlyElementsOf(ofStrings(text));
        }
    }

    @Test
    void hashesComposeAsTheStringsDo() {
        assertThat(FeatureHash.concat(FeatureHash.of("delay"), FeatureHash.of("ed_NEG"), 6))
                .isEqualTo(FeatureHash.of("delayed_NEG"));
        String bounded = "<delayed>";
        long[] prefix = new long[bounded.length() + 1];
        for (int i = 0; i < bounded.length(); i++) {
            prefix[i + 1] = FeatureHash.step(prefix[i], bounded.charAt(i));
        }
        assertThat(FeatureHash.substring(prefix, 3, 4)).isEqualTo(FeatureHash.of("laye"));
        // a leading NUL is a character like any other
        assertThat(FeatureHash.of("\u0000a")).isNotEqualTo(FeatureHash.of("a"));
        String longer = "x".repeat(700);
        assertThat(FeatureHash.concat(FeatureHash.of("ab"), FeatureHash.of(longer), longer.length()))
                .isEqualTo(FeatureHash.of("ab" + longer));
    }

    @Test
    void theShippedModelsFeaturesHaveKeysOfTheirOwn() throws Exception {
        List<String> features = new ArrayList<>();
        for (LabelledText row : LabelledText.read(Path.of(getClass().getResource("/sentiment/corpus.tsv").toURI()))) {
            features.addAll(SentimentFeatures.withCharacters(lexicon, row.text()));
        }
        Set<String> names = new HashSet<>(features);
        Set<Long> keys = new HashSet<>();
        names.forEach(name -> keys.add(FeatureHash.key(FeatureHash.of(name))));
        assertThat(keys).hasSameSizeAs(names);
    }
}
