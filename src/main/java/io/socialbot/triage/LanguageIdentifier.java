package io.socialbot.triage;

import java.util.Optional;

/** Names the language of a short text as ISO 639-1 ({@code en}, {@code nl}, ...), ignoring handles, links and tags. */
public interface LanguageIdentifier {
    Optional<String> identify(String text);
}
