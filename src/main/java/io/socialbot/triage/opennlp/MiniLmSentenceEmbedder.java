package io.socialbot.triage.opennlp;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Texts whose embeddings are kept: a retweet storm repeats one text hundreds of times (about 6 MB). */
    private static final int REMEMBERED = 4_096;
    private static volatile MiniLmSentenceEmbedder shared;
    private final EmbeddingModel model;
    private final Map<String, float[]> recent = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    };

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
                    embedder = load();
                    shared = embedder;
                }
            }
        }
        return embedder;
    }

    /** A new instance, with its own session and cache; everything but tests wants {@link #shared()}. */
    static MiniLmSentenceEmbedder load() {
        // DJL, which runs the tokenizer, warns that it found no GPU and names its native library; the embedder runs
        // on the CPU by design, so neither is news to the user
        LoggingSystem.get(MiniLmSentenceEmbedder.class.getClassLoader()).setLogLevel(DJL_LOGGER, LogLevel.ERROR);
        // one text embeds on the caller's thread; many spread over a pool of one thread per core
        return new MiniLmSentenceEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    /**
     * The unit-length embedding of a text; a blank text embeds as a lone full stop, since the model needs a token.
     * Vectors are shared with the cache: callers read them and never change them.
     */
    float[] embed(String text) {
        String key = nonBlank(text);
        float[] vector = remembered(key);
        if (vector == null) {
            vector = model.embed(key).content().vector();
            remember(key, vector);
        }
        return vector;
    }

    /** The embeddings of many texts, in order: each distinct text not embedded lately is embedded once, on all cores. */
    List<float[]> embedAll(List<String> texts) {
        float[][] out = new float[texts.size()][];
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String key = nonBlank(texts.get(i));
            out[i] = remembered(key);
            if (out[i] == null) {
                missing.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        List<String> keys = new ArrayList<>(missing.keySet());
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            List<Embedding> embeddings = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
            for (int j = 0; j < batch.size(); j++) {
                float[] vector = embeddings.get(j).vector();
                remember(batch.get(j), vector);
                for (int index : missing.get(batch.get(j))) {
                    out[index] = vector;
                }
            }
        }
        return Arrays.asList(out);
    }

    private float[] remembered(String text) {
        synchronized (recent) {
            return recent.get(text);
        }
    }

    private void remember(String text, float[] vector) {
        synchronized (recent) {
            recent.put(text, vector);
        }
    }

    private static String nonBlank(String text) {
        return text == null || text.isBlank() ? "." : text;
    }
}
