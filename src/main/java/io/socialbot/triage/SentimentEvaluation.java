package io.socialbot.triage;

import io.socialbot.platform.progress.Progress;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy, per-class and macro F1, the confusion matrix and throughput of a sentiment classifier on labelled texts.
 *
 * @param confusion counts by true label (row) and predicted label (column), indexed by {@link Label#ordinal()}
 */
public record SentimentEvaluation(int total, int correct, Map<Label, Double> f1, int[][] confusion,
                                  double textsPerSecond) {

    /** Texts per call, as many as a triage batch. */
    private static final int BATCH = 200;

    public static SentimentEvaluation of(SentimentClassifier classifier, List<LabelledText> rows) {
        return of(classifier, rows, Progress.NONE);
    }

    /** As {@link #of(SentimentClassifier, List)}, telling {@code progress} the texts scored after each batch. */
    public static SentimentEvaluation of(SentimentClassifier classifier, List<LabelledText> rows, Progress progress) {
        int[][] confusion = new int[Label.values().length][Label.values().length];
        long start = System.nanoTime();
        progress.reached("texts", 0, rows.size());
        // in batches, as triage classifies them, so a classifier faster on many is timed as triage runs it
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<LabelledText> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            List<TriageDecision.Sentiment> sentiments = classifier.classifyAll(
                    batch.stream().map(LabelledText::text).toList());
            for (int i = 0; i < batch.size(); i++) {
                confusion[batch.get(i).label().ordinal()][sentiments.get(i).label().ordinal()]++;
            }
            progress.reached("texts", from + batch.size(), rows.size());
        }
        long nanos = Math.max(1, System.nanoTime() - start);
        int correct = 0;
        Map<Label, Double> f1 = new EnumMap<>(Label.class);
        for (Label label : Label.values()) {
            int c = label.ordinal();
            int tp = confusion[c][c];
            int predicted = 0;
            int actual = 0;
            for (int k = 0; k < confusion.length; k++) {
                predicted += confusion[k][c];
                actual += confusion[c][k];
            }
            correct += tp;
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            f1.put(label, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        }
        return new SentimentEvaluation(rows.size(), correct, f1, confusion, rows.size() * 1e9 / nanos);
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** The unweighted mean of the three classes' F1. */
    public double macroF1() {
        return f1.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** The report printed by {@code eval}: the macro-F1 line stands alone so scripts can grep it. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "texts %d%n", total));
        out.append(String.format(Locale.ROOT, "accuracy %.3f%n", accuracy()));
        out.append(String.format(Locale.ROOT, "macro-F1 %.3f%n", macroF1()));
        f1.forEach((label, value) -> out.append(String.format(Locale.ROOT, "F1 %s %.3f%n",
                label.name().toLowerCase(Locale.ROOT), value)));
        out.append(confusionTable());
        out.append(String.format(Locale.ROOT, "texts/s %.0f%n", textsPerSecond));
        return out.toString();
    }

    /** Which way it errs: one row per true label, one column per predicted label. */
    public String confusionTable() {
        StringBuilder out = new StringBuilder("confusion (rows: true label, columns: predicted)\n");
        out.append(String.format(Locale.ROOT, "%-10s", ""));
        for (Label predicted : Label.values()) {
            out.append(String.format(Locale.ROOT, "%10s", predicted.name().toLowerCase(Locale.ROOT)));
        }
        out.append('\n');
        for (Label actual : Label.values()) {
            out.append(String.format(Locale.ROOT, "%-10s", actual.name().toLowerCase(Locale.ROOT)));
            for (Label predicted : Label.values()) {
                out.append(String.format(Locale.ROOT, "%10d", confusion[actual.ordinal()][predicted.ordinal()]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
