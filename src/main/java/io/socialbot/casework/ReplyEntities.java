package io.socialbot.casework;

import java.util.List;

/** Finds what the network turns into links and mentions in a text (X: twitter-text's rules, bare domains too). */
public interface ReplyEntities {

    /** Every link, as written. */
    List<String> links(String text);

    /** Every @handle mentioned, without the @. */
    List<String> handles(String text);
}
