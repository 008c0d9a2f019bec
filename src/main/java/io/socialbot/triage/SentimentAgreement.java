package io.socialbot.triage;

import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How people's labels compare with what triage said: how many could be compared (triage gave a sentiment), how many
 * agreed, and each way triage misread them, commonest first (ties in the labels' order).
 */
public record SentimentAgreement(long compared, long agreed, List<Misreading> misreadings) {

    /** Triage read {@code shown} where people said {@code said}, {@code count} times. */
    public record Misreading(Label shown, Label said, long count) {
    }

    public SentimentAgreement {
        misreadings = List.copyOf(misreadings);
    }

    public static SentimentAgreement of(List<SentimentLabel> labels) {
        long[][] counts = new long[Label.values().length][Label.values().length];
        long compared = 0;
        long agreed = 0;
        for (SentimentLabel l : labels) {
            if (l.shown() == null) {
                continue;
            }
            compared++;
            agreed += l.agreed() ? 1 : 0;
            counts[l.shown().ordinal()][l.label().ordinal()]++;
        }
        List<Misreading> misreadings = new ArrayList<>();
        for (Label shown : Label.values()) {
            for (Label said : Label.values()) {
                long n = counts[shown.ordinal()][said.ordinal()];
                if (shown != said && n > 0) {
                    misreadings.add(new Misreading(shown, said, n));
                }
            }
        }
        misreadings.sort(Comparator.comparingLong(Misreading::count).reversed()); // stable: ties keep their order
        return new SentimentAgreement(compared, agreed, misreadings);
    }
}
