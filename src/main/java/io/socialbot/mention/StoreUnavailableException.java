package io.socialbot.mention;

/** The store could not confirm a write; callers must not report the mention as accepted. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
