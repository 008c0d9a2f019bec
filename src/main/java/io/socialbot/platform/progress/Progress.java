package io.socialbot.platform.progress;

/**
 * Told how far a long job has gone ({@code replay}, {@code eval}, {@code train}), for a person watching: the command
 * line shows it on a terminal; everything else passes {@link #NONE}.
 */
@FunctionalInterface
public interface Progress {

    /** Tells nobody. */
    Progress NONE = (stage, done, total) -> { };

    /**
     * {@code done} of {@code total} units of {@code stage} are finished. A new stage name starts a new count; the
     * name says its unit ({@code "lines"}, {@code "texts embedded"}, {@code "models trained"}). Report 0 done when a
     * stage's work begins, so its rate leaves out what came before (a start-up, loading a model).
     */
    void reached(String stage, long done, long total);
}
