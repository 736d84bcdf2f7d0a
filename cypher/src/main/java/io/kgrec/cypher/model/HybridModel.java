package io.kgrec.cypher.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trained scoring model: score(u, i) = Σ_{j ∈ H_u} x_uj · Σ_f W^f_ji + prior(u, i), with every W^f sparse and
 * already multiplied by its blend weight. What is stored is what is scored, so {@link #explain} decomposes a score
 * exactly into paths (known item j, family, attribute for KG paths) and the named prior terms (popularity,
 * segment popularity).
 */
public final class HybridModel {
    private final int items;
    private final InteractionTransform transform;
    private final Map<Family, SparseItemWeights> weights;
    private final AttributePaths knowledgeGraph;
    private final PopularityPrior prior;

    private HybridModel(int items, InteractionTransform transform, Map<Family, SparseItemWeights> weights,
                        AttributePaths knowledgeGraph, PopularityPrior prior) {
        this.items = items;
        this.transform = transform;
        this.weights = Collections.unmodifiableMap(weights);
        this.knowledgeGraph = knowledgeGraph;
        this.prior = prior;
    }

    /** Scales each fitted family by its blend weight; families with weight 0 or not fitted are left out. */
    public static HybridModel blend(FittedFamilies fitted, BlendWeights blend) {
        Map<Family, SparseItemWeights> weights = new EnumMap<>(Family.class);
        AttributePaths kg = null;
        int items = fitted.popularity().share().length;
        addIfUsed(weights, Family.COLLABORATIVE, fitted.collaborative(), blend);
        addIfUsed(weights, Family.RANDOM_WALK, fitted.walk(), blend);
        if (fitted.knowledgeGraph() != null && blend.knowledgeGraph() > 0) {
            kg = fitted.knowledgeGraph().scaled(blend.knowledgeGraph());
            weights.put(Family.KNOWLEDGE_GRAPH, kg.weights());
        }
        addIfUsed(weights, Family.EMBEDDING, fitted.embedding(), blend);
        PopularityPrior prior = fitted.popularity().withStrength(blend.prior(), blend.priorDecay());
        return new HybridModel(items, fitted.transform(), weights, kg, prior);
    }

    /**
     * A model from weights read back from storage (blend weights already applied), e.g. in
     * {@code kgrec.recommend.stream}. {@code knowledgeGraph} may be null when the KG family is absent; otherwise
     * its weights must be the ones in {@code weights}.
     */
    public static HybridModel of(int items, InteractionTransform transform, Map<Family, SparseItemWeights> weights,
                                 AttributePaths knowledgeGraph, PopularityPrior prior) {
        if (weights.containsKey(Family.KNOWLEDGE_GRAPH) != (knowledgeGraph != null)) {
            throw new IllegalArgumentException("knowledge-graph weights and paths must come together");
        }
        Map<Family, SparseItemWeights> copy = new EnumMap<>(Family.class);
        copy.putAll(weights);
        return new HybridModel(items, transform, copy, knowledgeGraph, prior);
    }

    private static void addIfUsed(Map<Family, SparseItemWeights> weights, Family family, SparseItemWeights fitted,
                                  BlendWeights blend) {
        if (fitted != null && blend.of(family) > 0) {
            weights.put(family, fitted.scaled(blend.of(family)));
        }
    }

    public int items() {
        return items;
    }

    public InteractionTransform transform() {
        return transform;
    }

    /** The stored weights of each family in the model, blend weight included: what to write as relationships. */
    public Map<Family, SparseItemWeights> weights() {
        return weights;
    }

    /** The knowledge-graph family's per-attribute structure, to store out(j, a) and in(a, i) per link. */
    public Optional<AttributePaths> knowledgeGraph() {
        return Optional.ofNullable(knowledgeGraph);
    }

    public PopularityPrior prior() {
        return prior;
    }

    /** A customer's history from raw interaction values, transformed the way this model was trained. */
    public History history(int[] items, double[] rawValues) {
        return History.of(items, rawValues, transform);
    }

    /** Scores of every item for the customer (history items included). */
    public double[] scores(History history) {
        double[] scores = new double[items];
        for (SparseItemWeights family : weights.values()) {
            family.accumulate(history, scores);
        }
        prior.accumulate(history, scores);
        return scores;
    }

    /** The score of one item, computed from the stored weights. */
    public double score(History history, int item) {
        double score = 0;
        for (SparseItemWeights family : weights.values()) {
            for (int p = 0; p < history.size(); p++) {
                score += history.values()[p] * family.weight(history.items()[p], item);
            }
        }
        return score + prior.value(history, item);
    }

    /**
     * The k best items not in the history, best first; ties go to the lower item index. A customer with a history is
     * only recommended items that at least one stored path reaches, so every recommendation can be explained by a
     * path and not by the prior alone; a customer without history gets the prior's ranking.
     */
    public int[] recommend(History history, int k) {
        double[] scores = scores(history);
        keepOnlyReachable(history, scores);
        return TopK.largest(scores, null, k);
    }

    /** Items reached by at least one path from the history, as a mask over all items. */
    public boolean[] reachable(History history) {
        boolean[] mask = new boolean[items];
        for (SparseItemWeights family : weights.values()) {
            family.markTargets(history, mask);
        }
        return mask;
    }

    /** Sets the score of history items, and of unreachable items when there is a history, to −∞. */
    void keepOnlyReachable(History history, double[] scores) {
        if (history.size() > 0) {
            boolean[] mask = reachable(history);
            for (int i = 0; i < scores.length; i++) {
                if (!mask[i]) {
                    scores[i] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        for (int item : history.items()) {
            scores[item] = Double.NEGATIVE_INFINITY;
        }
    }

    /** Splits score(u, i) into its path contributions and prior terms; they add up to {@link #score}. */
    public ScoreDecomposition explain(History history, int item) {
        List<PathContribution> paths = new ArrayList<>();
        for (Map.Entry<Family, SparseItemWeights> family : weights.entrySet()) {
            for (int p = 0; p < history.size(); p++) {
                int known = history.items()[p];
                double x = history.values()[p];
                double w = family.getValue().weight(known, item);
                if (w == 0.0) {
                    continue;
                }
                if (family.getKey() == Family.KNOWLEDGE_GRAPH) {
                    for (AttributePaths.AttributeTerm term : knowledgeGraph.terms(known, item)) {
                        paths.add(new PathContribution(known, Family.KNOWLEDGE_GRAPH, term.attribute(),
                                x * term.value()));
                    }
                } else {
                    paths.add(new PathContribution(known, family.getKey(), -1, x * w));
                }
            }
        }
        return new ScoreDecomposition(item, score(history, item), paths, prior.terms(history, item));
    }
}
