package io.socialbot.triage.opennlp;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized), run in process by ONNX Runtime from the model in the jar:
 * what a trained sentiment model knows about words it never saw in its labelled tweets.
 */
final class MiniLmSentenceEmbedder {

    /** The name a model records, so it is loaded with the embedder it was trained with. */
    static final String NAME = "all-minilm-l6-v2-q";
    static final int DIMENSIONS = 384;
    /** Texts handed to the pool at a time, which bounds the work queued at once when training on many. */
    private static final int BATCH = 256;
    private static final String DJL_LOGGER = "ai.djl";
    private static volatile MiniLmSentenceEmbedder shared;
    private final EmbeddingModel model;

    private MiniLmSentenceEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** The one instance: the ONNX session takes a second and about 100 MB to load, and is safe to share. */
    static MiniLmSentenceEmbedder shared() {
        MiniLmSentenceEmbedder embedder = shared;
        if (embedder == null) {
            synchronized (MiniLmSentenceEmbedder.class) {
                embedder = shared;
                if (embedder == null) {
                    // DJL, which runs the tokenizer, warns that it found no GPU and names its native library;
                    // the embedder runs on the CPU by design, so neither is news to the user
                    LoggingSystem.get(MiniLmSentenceEmbedder.class.getClassLoader())
                            .setLogLevel(DJL_LOGGER, LogLevel.ERROR);
                    // one text embeds on the caller's thread; many spread over a pool of one thread per core
                    embedder = new MiniLmSentenceEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
                    shared = embedder;
                }
            }
        }
        return embedder;
    }

    /** The unit-length embedding of a text; a blank text embeds as a lone full stop, since the model needs a token. */
    float[] embed(String text) {
        return model.embed(nonBlank(text)).content().vector();
    }

    /** The embeddings of many texts, in order, computed on all cores. */
    List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = new ArrayList<>(BATCH);
            for (String text : texts.subList(from, Math.min(texts.size(), from + BATCH))) {
                batch.add(TextSegment.from(nonBlank(text)));
            }
            for (Embedding embedding : model.embedAll(batch).content()) {
                out.add(embedding.vector());
            }
        }
        return out;
    }

    private static String nonBlank(String text) {
        return text == null || text.isBlank() ? "." : text;
    }
}
