package io.socialbot.triage;

import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's label for one mention's sentiment, beside what triage had said: a row of the team's own labelled
 * traffic, for {@code eval} and {@code train}. {@code shown} is null where triage gave no sentiment.
 *
 * @param key   the mention's key ({@code source:id})
 * @param text  the mention's text exactly as it arrived
 * @param lang  the language triage found, or null
 * @param by    the Slack user id of whoever labelled it
 */
public record SentimentLabel(String key, String text, String lang, Label shown, double score, Label label,
                             String by, Instant at) {

    public SentimentLabel {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }

    /**
     * When it was given, in microseconds since the epoch, as the stores compare labels: Slack's action times have
     * six decimals, and Lua numbers and Redis scores hold such a count exactly. Saturates outside Redis's range.
     */
    public long atMicros() {
        return micros(at);
    }

    /** {@link #atMicros} of any instant; {@code Instant.MIN} and {@code MAX} map to the ends of a long. */
    public static long micros(Instant at) {
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        } catch (ArithmeticException e) {
            return at.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** Whether the person agreed with triage. */
    public boolean agreed() {
        return label == shown;
    }

    /** The row {@code eval} and {@code train} read: the label, and in the meta what triage said, who and when. */
    public String tsvRow() {
        String meta = "source=agents;shown=" + (shown == null ? "none" : name(shown))
                + String.format(Locale.ROOT, ";score=%.2f", score) + ";lang=" + (lang == null ? "none" : lang)
                + ";by=" + by + ";at=" + at;
        return LabelledText.row(key, label, meta, text);
    }

    /** A label as the rows and the menu spell it. */
    public static String name(Label label) {
        return label.name().toLowerCase(Locale.ROOT);
    }
}
