package io.socialbot.incident;

import java.time.Instant;

/** A lead's status update for customers; {@code id} is stable ({@code <incident>#<n>}) for idempotent replies. */
public record StatusUpdate(String id, String incident, String text, String author, Instant at) {
}
