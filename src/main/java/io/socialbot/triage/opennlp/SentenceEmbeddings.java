package io.socialbot.triage.opennlp;

/**
 * Whether this build carries the sentence embedder: the default jar leaves it out (ONNX Runtime's natives are most of
 * its size); {@code ./mvnw -Pembeddings package} puts it in. Touches no class of the embedder's, so it answers in
 * either build.
 */
final class SentenceEmbeddings {

    private static final String MODEL_CLASS =
            "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";
    static final String HOW_TO_BUILD = "this build leaves the sentence embedder out; build the jar with it: "
            + "./mvnw -Pembeddings package";

    private SentenceEmbeddings() {
    }

    static boolean available() {
        try {
            Class.forName(MODEL_CLASS, false, SentenceEmbeddings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Fails with how to get the embedder, when this build has none. */
    static void require(String why) {
        if (!available()) {
            throw new IllegalStateException(why + ": " + HOW_TO_BUILD);
        }
    }
}
