package io.socialbot.triage.opennlp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/** Folds maximum-entropy models into one whose probabilities are the normalised geometric mean of theirs. */
final class MaxentBlend {

    private MaxentBlend() {
    }

    /**
     * A model that scores like all of {@code models} together at the cost of one: each gives p(y|x) in proportion to
     * exp(sum of its weights for x's features and y), so averaging the weights feature by feature multiplies their
     * probabilities, each to the power 1/n. The models must predict the same outcomes.
     */
    static MaxentModel geometricMean(List<? extends MaxentModel> models) {
        String[] outcomes = outcomes(models.get(0));
        List<String> order = Arrays.asList(outcomes);
        Map<String, double[]> weights = new LinkedHashMap<>();
        for (MaxentModel model : models) {
            String[] names = outcomes(model);
            if (names.length != outcomes.length || !order.containsAll(Arrays.asList(names))) {
                throw new IllegalArgumentException("cannot blend models that predict " + order + " and "
                        + Arrays.asList(names));
            }
            for (Map.Entry<String, Context> feature : parameters(model).entrySet()) {
                double[] sum = weights.computeIfAbsent(feature.getKey(), k -> new double[outcomes.length]);
                int[] outcome = feature.getValue().getOutcomes();
                double[] weight = feature.getValue().getParameters();
                for (int i = 0; i < outcome.length; i++) {
                    sum[order.indexOf(names[outcome[i]])] += weight[i] / models.size();
                }
            }
        }
        int[] every = new int[outcomes.length];
        Arrays.setAll(every, i -> i);
        String[] features = weights.keySet().toArray(String[]::new);
        Context[] contexts = new Context[features.length];
        for (int i = 0; i < features.length; i++) {
            contexts[i] = new Context(every, weights.get(features[i]));
        }
        // a GIS model is the plain form: uniform prior, softmax of the summed weights
        return new GISModel(contexts, features, outcomes);
    }

    private static String[] outcomes(MaxentModel model) {
        return (String[]) dataStructures(model)[2];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Context> parameters(MaxentModel model) {
        return (Map<String, Context>) dataStructures(model)[1];
    }

    private static Object[] dataStructures(MaxentModel model) {
        if (!(model instanceof AbstractModel abstractModel)) {
            throw new IllegalArgumentException("cannot read the weights of a " + model.getClass().getName());
        }
        return abstractModel.getDataStructures(); // [0] contexts by index, [1] contexts by feature, [2] outcome names
    }
}
