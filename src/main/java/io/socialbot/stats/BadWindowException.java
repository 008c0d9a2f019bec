package io.socialbot.stats;

/** A report window that could not be read; the message says what was wrong and what is accepted. */
public class BadWindowException extends IllegalArgumentException {

    public BadWindowException(String message) {
        super(message);
    }
}
