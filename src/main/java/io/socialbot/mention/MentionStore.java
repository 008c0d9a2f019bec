package io.socialbot.mention;

import java.util.List;
import java.util.Optional;

/** Keeps every accepted mention, deduplicated by {@link Mention#key()}, and queues each new one for triage. */
public interface MentionStore {

    /**
     * Stores and queues the mentions that are new, in one atomic step per batch.
     *
     * @return one result per input, in input order
     * @throws StoreUnavailableException when nothing can be promised about the write
     */
    List<AcceptResult> acceptAll(List<Mention> mentions);

    default AcceptResult accept(Mention mention) {
        return acceptAll(List.of(mention)).get(0);
    }

    Optional<Mention> find(String key);

    /** The mentions for {@code keys}, in order, null where a key is unknown: one round trip for a batch. */
    default List<Mention> findAll(List<String> keys) {
        return keys.stream().map(k -> find(k).orElse(null)).toList();
    }

    /** Number of mentions stored. */
    long count();

    /** What happened to one mention handed to the store. */
    sealed interface AcceptResult permits Accepted, Duplicate {
        String key();
    }

    /** New: stored and queued for triage. */
    record Accepted(String key) implements AcceptResult {
    }

    /** Seen before under the same (source, id): nothing written. */
    record Duplicate(String key) implements AcceptResult {
    }
}
