package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmSentenceEmbedderTest {

    private final MiniLmSentenceEmbedder embedder = MiniLmSentenceEmbedder.shared();

    @Test
    void embedsATweetAsAUnitVectorFromTheModelInTheJar() {
        float[] vector = embedder.embed("@BrandTel no signal since 7am, is the network down?");
        assertThat(vector).hasSize(MiniLmSentenceEmbedder.DIMENSIONS);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-3));
        assertThat(embedder.embed("")).hasSize(MiniLmSentenceEmbedder.DIMENSIONS);
    }

    @Test
    void aComplaintInOtherWordsIsNearerThanAnUnrelatedText() {
        float[] complaint = embedder.embed("my phone has had no signal all day");
        float[] sameMeaning = embedder.embed("mobile network coverage is gone, cannot call anyone");
        float[] unrelated = embedder.embed("lovely sunny afternoon at the beach with the kids");
        assertThat(cosine(complaint, sameMeaning)).isGreaterThan(cosine(complaint, unrelated) + 0.1);
    }

    @Test
    void embeddingManyGivesWhatEmbeddingEachGives() {
        List<String> texts = List.of("still down", "thanks, working again", "", "is there an outage in Hull?");
        List<float[]> many = embedder.embedAll(texts);
        assertThat(many).hasSize(texts.size());
        // another instance, so that its cache cannot answer with the vectors above
        MiniLmSentenceEmbedder alone = MiniLmSentenceEmbedder.load();
        for (int i = 0; i < texts.size(); i++) {
            float[] single = alone.embed(texts.get(i));
            assertThat(single).isNotSameAs(many.get(i));
            assertThat(many.get(i)).as(texts.get(i)).containsExactly(single, within(1e-5f));
        }
    }

    @Test
    void aTextRepeatedInAStormIsEmbeddedOnce() {
        String storm = "RT @celeb: 10 hours without signal @BrandTel " + System.nanoTime();
        List<float[]> many = embedder.embedAll(List.of(storm, "something else entirely", storm));
        // the same vector, not an equal one: the second copy was never sent to the model
        assertThat(many.get(2)).isSameAs(many.get(0));
        assertThat(embedder.embed(storm)).isSameAs(many.get(0));
    }

    private static double norm(float[] v) {
        return Math.sqrt(cosineDot(v, v));
    }

    private static double cosine(float[] a, float[] b) {
        return cosineDot(a, b) / (norm(a) * norm(b));
    }

    private static double cosineDot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
