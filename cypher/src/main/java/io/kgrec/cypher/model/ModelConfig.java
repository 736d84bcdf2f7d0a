package io.kgrec.cypher.model;

/**
 * Every hyperparameter of the model, validated once. The tuner produces one of these on the validation split; the
 * trainer replays it on the full training data. A family whose blend weight is 0 is not fitted at all.
 */
public record ModelConfig(InteractionTransform transform, Ease ease, Walk walk, KnowledgeGraph knowledgeGraph,
                          Embedding embedding, Segment segment, BlendWeights blend) {

    /** EASE^R on the dense item set; see {@link EaseSolution}. */
    public record Ease(double lambda, double kappa, double beta, int topK, boolean keepNegatives, int minCount,
                       int maxDenseItems) {
        public Ease {
            require(lambda > 0, "ease.lambda must be > 0");
            require(kappa >= 0, "ease.kappa must be >= 0");
            require(topK > 0, "ease.topK must be > 0");
            require(minCount >= 1, "ease.minCount must be >= 1");
            require(maxDenseItems >= 1, "ease.maxDenseItems must be >= 1");
        }

        public static Ease defaults() {
            return new Ease(300, 0, 0, 500, true, 2, 4000);
        }

        public Ease withLambda(double value) {
            return new Ease(value, kappa, beta, topK, keepNegatives, minCount, maxDenseItems);
        }

        public Ease withSparsity(double newBeta, int newTopK, boolean negatives) {
            return new Ease(lambda, kappa, newBeta, newTopK, negatives, minCount, maxDenseItems);
        }
    }

    /** Normalised co-occurrence; see {@link WalkFamily}. */
    public record Walk(WalkFamily.Normalisation normalisation, int topK) {
        public Walk {
            require(topK > 0, "walk.topK must be > 0");
        }

        public static Walk defaults() {
            return new Walk(WalkFamily.Normalisation.rp3(1.0, 0.3), 300);
        }
    }

    /** Attribute paths; see {@link AttributeFamily}. */
    public record KnowledgeGraph(double idfExponent, double popularityExponent, int maxFanout, int topK,
                                 int coldTopK) {
        public KnowledgeGraph {
            require(maxFanout >= 2, "knowledgeGraph.maxFanout must be >= 2");
            require(topK >= 0 && coldTopK >= 0, "knowledgeGraph.topK and coldTopK must be >= 0");
        }

        public static KnowledgeGraph defaults() {
            return new KnowledgeGraph(1.0, 0.5, 2000, 200, 50);
        }
    }

    /** Random-projection embedding similarity; see {@link EmbeddingFamily}. */
    public record Embedding(int dimension, long seed, int topK, int coldTopK, int maxFanout) {
        public Embedding {
            require(dimension > 0, "embedding.dimension must be > 0");
            require(topK >= 0 && coldTopK >= 0, "embedding.topK and coldTopK must be >= 0");
        }

        public static Embedding defaults() {
            return new Embedding(128, 42, 100, 50, 2000);
        }
    }

    /** The customer-attribute column that segments the popularity prior; column null means none. */
    public record Segment(String column, double shrinkage) {
        public Segment {
            require(column == null || shrinkage > 0, "segment.shrinkage must be > 0");
        }

        public static Segment none() {
            return new Segment(null, 1);
        }

        public boolean isSet() {
            return column != null;
        }
    }

    public static ModelConfig defaults() {
        return new ModelConfig(InteractionTransform.BINARY, Ease.defaults(), Walk.defaults(),
                KnowledgeGraph.defaults(), Embedding.defaults(), Segment.none(),
                new BlendWeights(1, 0, 0.1, 0.01, 0.05, 0));
    }

    public ModelConfig withTransform(InteractionTransform value) {
        return new ModelConfig(value, ease, walk, knowledgeGraph, embedding, segment, blend);
    }

    public ModelConfig withEase(Ease value) {
        return new ModelConfig(transform, value, walk, knowledgeGraph, embedding, segment, blend);
    }

    public ModelConfig withWalk(Walk value) {
        return new ModelConfig(transform, ease, value, knowledgeGraph, embedding, segment, blend);
    }

    public ModelConfig withKnowledgeGraph(KnowledgeGraph value) {
        return new ModelConfig(transform, ease, walk, value, embedding, segment, blend);
    }

    public ModelConfig withEmbedding(Embedding value) {
        return new ModelConfig(transform, ease, walk, knowledgeGraph, value, segment, blend);
    }

    public ModelConfig withSegment(Segment value) {
        return new ModelConfig(transform, ease, walk, knowledgeGraph, embedding, value, blend);
    }

    public ModelConfig withBlend(BlendWeights value) {
        return new ModelConfig(transform, ease, walk, knowledgeGraph, embedding, segment, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
