package io.socialbot.casework;

/** Measures a reply as the network counts it (X: weighted length, links as 23, emoji as 2). */
public interface ReplyLength {

    /** Why the text cannot be sent as it is, or null when it fits. */
    String problem(String text);

    /** The text's length as the network counts it. */
    int length(String text);

    /** The longest text the network accepts. */
    int limit();
}
