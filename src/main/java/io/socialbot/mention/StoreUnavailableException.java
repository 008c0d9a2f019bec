package io.socialbot.mention;

/** A store (mentions, clusters) could not be reached or confirm a write: callers must not report the work as done. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
