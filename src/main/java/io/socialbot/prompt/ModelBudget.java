package io.socialbot.prompt;

/** The cap on model calls per minute, shared by every replica. */
public interface ModelBudget {

    /** Takes one call from this minute's budget; false when it is spent. */
    boolean tryTake();
}
