package io.socialbot.triage.opennlp;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * A maximum-entropy model's weights in one open-addressing table keyed by {@link FeatureHash#key}: looking up a text's
 * hundreds of character n-grams in OpenNLP's map of feature strings took about a third of triage's time (a new
 * string, its hash, and several objects to reach per feature). The keys sit in their own array (8 bytes a slot), the
 * weights beside it: most of a text's n-grams probe for a feature the model never saw, and a probe that reads only
 * keys touches a quarter of the memory it did with keys and weights interleaved (slotOf was 10% of triage's samples).
 * Gives OpenNLP's probabilities for a uniform-prior model (the blend {@link MaxentBlend} makes), summed in the same
 * order.
 */
final class HashedMaxent {

    /** Linear probing stays short below this load, and the table small: 1 MB of keys for the shipped model. */
    private static final double MOST_FULL = 0.6;
    private final String[] outcomes;
    private final int stride;
    private final long[] keys;
    /** Slot {@code s}'s weights at {@code s * stride} to {@code s * stride + stride - 1}. */
    private final double[] weights;
    private final int mask;
    private final int features;
    private final double logPrior;

    private HashedMaxent(String[] outcomes, int features) {
        this.outcomes = outcomes.clone();
        this.stride = outcomes.length;
        int capacity = Integer.highestOneBit((int) Math.ceil(Math.max(4, features) / MOST_FULL)) << 1;
        this.keys = new long[capacity];
        this.weights = new double[capacity * stride];
        this.mask = capacity - 1;
        this.features = features;
        this.logPrior = Math.log(1.0 / outcomes.length); // as OpenNLP's UniformPrior starts every outcome
    }

    /** The model's weights, its outcomes in {@code order}; two feature names with one key are refused. */
    static HashedMaxent of(MaxentModel model, String[] order) {
        if (!(model instanceof AbstractModel abstractModel)
                || abstractModel.getModelType() != AbstractModel.ModelType.Maxent) {
            throw new IllegalArgumentException("not a maximum-entropy model: " + model.getClass().getName());
        }
        Object[] data = abstractModel.getDataStructures(); // [1] contexts by feature, [2] outcome names
        @SuppressWarnings("unchecked")
        Map<String, Context> parameters = (Map<String, Context>) data[1];
        String[] names = (String[]) data[2];
        int[] position = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            position[i] = Arrays.asList(order).indexOf(names[i]);
            if (position[i] < 0 || names.length != order.length) {
                throw new IllegalArgumentException("the model predicts " + Arrays.asList(names) + ", not "
                        + Arrays.asList(order));
            }
        }
        HashedMaxent table = new HashedMaxent(order, parameters.size());
        for (Map.Entry<String, Context> feature : parameters.entrySet()) {
            double[] weights = new double[order.length];
            int[] outcome = feature.getValue().getOutcomes();
            double[] parameter = feature.getValue().getParameters();
            for (int i = 0; i < outcome.length; i++) {
                weights[position[outcome[i]]] = parameter[i];
            }
            table.put(FeatureHash.key(FeatureHash.of(feature.getKey())), weights, feature.getKey());
        }
        return table;
    }

    private void put(long key, double[] weights, String name) {
        int slot = slotOf(key);
        if (keys[slot] == key) {
            throw new IllegalStateException("two of the model's features hash alike, '" + name + "' is one: "
                    + "train it again with another seed");
        }
        keys[slot] = key;
        System.arraycopy(weights, 0, this.weights, slot * stride, stride);
    }

    /** The slot holding the key, or the free slot where it would go. */
    private int slotOf(long key) {
        int slot = (int) key & mask;
        while (true) {
            long held = keys[slot];
            if (held == key || held == 0) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Fresh per-outcome sums for one text, to {@link #add} its features to. */
    double[] start() {
        double[] sums = new double[outcomes.length];
        Arrays.fill(sums, logPrior);
        return sums;
    }

    /** Adds a feature (its {@link FeatureHash}) at this value; one the model never saw adds nothing. */
    void add(double[] sums, long featureHash, double value) {
        long key = FeatureHash.key(featureHash);
        int slot = slotOf(key);
        if (keys[slot] == key) {
            int at = slot * stride;
            for (int k = 0; k < sums.length; k++) {
                sums[k] += weights[at + k] * value;
            }
        }
    }

    /** Where a feature's weights start, or -1 for one the model never saw: for {@link KnownWords} to keep. */
    int offsetOf(long featureHash) {
        long key = FeatureHash.key(featureHash);
        int slot = slotOf(key);
        return keys[slot] == key ? slot * stride : -1;
    }

    /** The weights of the features at these {@link #offsetOf offsets}, one after another, for {@link #addAll}. */
    double[] weightsAt(int[] offsets) {
        double[] copied = new double[offsets.length * stride];
        for (int i = 0; i < offsets.length; i++) {
            System.arraycopy(weights, offsets[i], copied, i * stride, stride);
        }
        return copied;
    }

    /** {@link #add} of the feature at this offset (-1 adds nothing): the same sum as by its hash. */
    void addAt(double[] sums, int offset, double value) {
        if (offset >= 0) {
            for (int k = 0; k < sums.length; k++) {
                sums[k] += weights[offset + k] * value;
            }
        }
    }

    /** {@link #add} of each feature whose weights {@link #weightsAt} copied, in their order, at value 1. */
    void addAll(double[] sums, double[] copied) {
        for (int at = 0; at < copied.length; at += stride) {
            for (int k = 0; k < sums.length; k++) {
                sums[k] += copied[at + k] * 1.0;
            }
        }
    }

    /** The sums turned into probabilities, in place, as OpenNLP's GIS model does. */
    double[] probabilities(double[] sums) {
        double normal = 0;
        for (int k = 0; k < sums.length; k++) {
            sums[k] = StrictMath.exp(sums[k]);
            normal += sums[k];
        }
        for (int k = 0; k < sums.length; k++) {
            sums[k] /= normal;
        }
        return sums;
    }

    int features() {
        return features;
    }
}
