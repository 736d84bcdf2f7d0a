package io.kgrec.cypher.model;

/**
 * How much each family counts in the final score. A weight of 0 drops the family from the model entirely (no stored
 * weights, no paths). {@code priorDecay} lets the popularity prior fade with history size.
 */
public record BlendWeights(double collaborative, double walk, double knowledgeGraph, double embedding, double prior,
                           double priorDecay) {

    public BlendWeights {
        for (double w : new double[] {collaborative, walk, knowledgeGraph, embedding, prior}) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("blend weights must be finite and >= 0, got " + w);
            }
        }
        if (Double.isNaN(priorDecay) || Double.isInfinite(priorDecay)) {
            throw new IllegalArgumentException("priorDecay must be finite, got " + priorDecay);
        }
    }

    public static BlendWeights collaborativeOnly() {
        return new BlendWeights(1, 0, 0, 0, 0, 0);
    }

    public double of(Family family) {
        return switch (family) {
            case COLLABORATIVE -> collaborative;
            case RANDOM_WALK -> walk;
            case KNOWLEDGE_GRAPH -> knowledgeGraph;
            case EMBEDDING -> embedding;
        };
    }

    public BlendWeights with(Family family, double weight) {
        return new BlendWeights(family == Family.COLLABORATIVE ? weight : collaborative,
                family == Family.RANDOM_WALK ? weight : walk,
                family == Family.KNOWLEDGE_GRAPH ? weight : knowledgeGraph,
                family == Family.EMBEDDING ? weight : embedding, prior, priorDecay);
    }

    public BlendWeights withPrior(double weight, double decay) {
        return new BlendWeights(collaborative, walk, knowledgeGraph, embedding, weight, decay);
    }
}
