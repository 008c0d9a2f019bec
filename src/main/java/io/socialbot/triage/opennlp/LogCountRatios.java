package io.socialbot.triage.opennlp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * How strongly each feature leans to one label, by naive Bayes log-count ratios (Wang and Manning's NBSVM): a model
 * given a feature's presence scaled by it penalises the telling features less than the common ones.
 */
final class LogCountRatios {

    /** Smoothing added to every count; small, since most features are rare and a large one would flatten them all. */
    private static final double SMOOTHING = 0.3;

    private LogCountRatios() {
    }

    /**
     * For each feature in at least {@code minDocuments} texts, the largest over labels of |log(p(f | label) / p(f |
     * other labels))|, with p from the smoothed count of texts holding f; scaled so that the mean is 1.
     *
     * @param features each text's features
     * @param labels   each text's label, 0 to {@code labelCount - 1}
     */
    static Map<String, Double> scales(List<String[]> features, int[] labels, int labelCount, int minDocuments) {
        Map<String, int[]> counts = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            for (String feature : new HashSet<>(List.of(features.get(i)))) {
                counts.computeIfAbsent(feature, f -> new int[labelCount])[labels[i]]++;
            }
        }
        double[] perLabel = new double[labelCount];
        for (int[] count : counts.values()) {
            for (int k = 0; k < labelCount; k++) {
                perLabel[k] += count[k];
            }
        }
        double all = 0;
        for (double n : perLabel) {
            all += n;
        }
        double vocabulary = counts.size();
        Map<String, Double> scales = new HashMap<>();
        double sum = 0;
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] count = entry.getValue();
            int documents = 0;
            for (int n : count) {
                documents += n;
            }
            if (documents < minDocuments) {
                continue;
            }
            double largest = 0;
            for (int k = 0; k < labelCount; k++) {
                double in = (count[k] + SMOOTHING) / (perLabel[k] + SMOOTHING * vocabulary);
                double out = (documents - count[k] + SMOOTHING) / (all - perLabel[k] + SMOOTHING * vocabulary);
                largest = Math.max(largest, Math.abs(Math.log(in / out)));
            }
            scales.put(entry.getKey(), largest);
            sum += largest;
        }
        double mean = sum / Math.max(1, scales.size());
        if (mean > 0) {
            scales.replaceAll((feature, scale) -> scale / mean);
        }
        return scales;
    }
}
