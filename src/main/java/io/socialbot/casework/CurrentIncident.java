package io.socialbot.casework;

import java.util.Optional;

/** The name of the incident running now, if any: cases received while it runs belong to it. */
public interface CurrentIncident {
    Optional<String> name();

    /** The text of the running incident's latest status update, for reply suggestions. */
    default Optional<String> latestUpdateText() {
        return Optional.empty();
    }
}
