package io.socialbot.triage.opennlp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/** Folds maximum-entropy models into one whose probabilities are the normalised, weighted geometric mean of theirs. */
final class MaxentBlend {

    private MaxentBlend() {
    }

    /**
     * One model of a blend.
     *
     * @param weight its share of the blend, relative to the others'
     * @param scales the fixed factor it multiplied each feature's value by in training, 1 where absent: folded into
     *               its weights, so the blend reads every feature at the value the caller gives
     */
    record Member(MaxentModel model, double weight, Map<String, Double> scales) {

        Member {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("a member's weight must be positive, got " + weight);
            }
            scales = Map.copyOf(scales);
        }
    }

    /**
     * A model that scores like all the members together at the cost of one: each gives p(y|x) in proportion to
     * exp(sum of its weights times x's feature values for y), so summing the weights feature by feature, each member's
     * share times its scale, multiplies their probabilities, each to the power of its share. The members must predict
     * the same outcomes.
     */
    static MaxentModel weightedGeometricMean(List<Member> members) {
        String[] outcomes = outcomes(members.get(0).model());
        List<String> order = Arrays.asList(outcomes);
        double total = members.stream().mapToDouble(Member::weight).sum();
        Map<String, double[]> weights = new LinkedHashMap<>();
        for (Member member : members) {
            String[] names = outcomes(member.model());
            if (names.length != outcomes.length || !order.containsAll(Arrays.asList(names))) {
                throw new IllegalArgumentException("cannot blend models that predict " + order + " and "
                        + Arrays.asList(names));
            }
            double share = member.weight() / total;
            for (Map.Entry<String, Context> feature : parameters(member.model()).entrySet()) {
                double factor = share * member.scales().getOrDefault(feature.getKey(), 1.0);
                double[] sum = weights.computeIfAbsent(feature.getKey(), k -> new double[outcomes.length]);
                int[] outcome = feature.getValue().getOutcomes();
                double[] weight = feature.getValue().getParameters();
                for (int i = 0; i < outcome.length; i++) {
                    sum[order.indexOf(names[outcome[i]])] += weight[i] * factor;
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
        // a GIS model is the plain form: uniform prior, softmax of the summed weights times the values
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
