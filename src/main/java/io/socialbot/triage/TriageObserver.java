package io.socialbot.triage;

/** Told how long each triage took and how each batch went, for metrics; the default does nothing. */
public interface TriageObserver {

    TriageObserver NONE = new TriageObserver() {
    };

    default void triaged(TriageDecision decision, long nanos) {
    }

    default void failed(Exception error) {
    }
}
