package io.kgrec.cypher.model;

/**
 * Each family's item–item weights before blending (any may be null when that family was not fitted), plus the
 * popularity shares. The tuner fits these once per family setting and tries many blends of them.
 */
public record FittedFamilies(InteractionTransform transform, SparseItemWeights collaborative,
                             SparseItemWeights walk, AttributePaths knowledgeGraph, SparseItemWeights embedding,
                             PopularityPrior popularity) {

    public FittedFamilies withCollaborative(SparseItemWeights weights) {
        return new FittedFamilies(transform, weights, walk, knowledgeGraph, embedding, popularity);
    }

    public FittedFamilies withWalk(SparseItemWeights weights) {
        return new FittedFamilies(transform, collaborative, weights, knowledgeGraph, embedding, popularity);
    }

    public FittedFamilies withKnowledgeGraph(AttributePaths paths) {
        return new FittedFamilies(transform, collaborative, walk, paths, embedding, popularity);
    }

    public FittedFamilies withPopularity(PopularityPrior prior) {
        return new FittedFamilies(transform, collaborative, walk, knowledgeGraph, embedding, prior);
    }

    public FittedFamilies withEmbedding(SparseItemWeights weights) {
        return new FittedFamilies(transform, collaborative, walk, knowledgeGraph, weights, popularity);
    }
}
