package io.kgrec.cypher.model;

import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

/**
 * Trains a {@link HybridModel} from arrays: fits every family whose blend weight is positive, brings each to a common
 * scale, and blends. The common scale is what makes blend weights comparable across families and datasets: each
 * family is divided by the mean, over the training customers, of its best score for that customer, and the prior by
 * the largest popularity share.
 */
public final class HybridTrainer {
    private HybridTrainer() {
    }

    public static HybridModel train(TrainingData data, ModelConfig config) {
        return train(data, config, fraction -> { });
    }

    /** @param progress receives the fraction of the families fitted, rising to 1 */
    public static HybridModel train(TrainingData data, ModelConfig config, DoubleConsumer progress) {
        return HybridModel.blend(fit(data, config, progress), priorOnUnitScale(data.interactions(), config.blend()));
    }

    /** The fitted families on unit scale; families with blend weight 0 are skipped (null). */
    public static FittedFamilies fit(TrainingData data, ModelConfig config) {
        return fit(data, config, fraction -> { });
    }

    private static FittedFamilies fit(TrainingData data, ModelConfig config, DoubleConsumer progress) {
        InteractionMatrix x = data.interactions();
        InteractionTransform t = config.transform();
        BlendWeights blend = config.blend();
        int[] counts = x.itemCounts();
        FittedFamilies fitted = new FittedFamilies(t, null, null, null, null, popularity(data, config.segment()));
        // Four families, each a step; one that is off counts as done at once.
        if (blend.collaborative() > 0) {
            fitted = fitted.withCollaborative(ease(x, t, config.ease(), counts));
        }
        progress.accept(0.25);
        if (blend.walk() > 0) {
            fitted = fitted.withWalk(walk(x, t, config.walk()));
        }
        progress.accept(0.5);
        if (blend.knowledgeGraph() > 0) {
            fitted = fitted.withKnowledgeGraph(knowledgeGraph(data, t, config.knowledgeGraph(), counts));
        }
        progress.accept(0.75);
        if (blend.embedding() > 0) {
            fitted = fitted.withEmbedding(embedding(x, t, data.attributes(), config.embedding()));
        }
        progress.accept(1.0);
        return fitted;
    }

    /** Global popularity shares, segmented by the configured customer-attribute column when the data has it. */
    static PopularityPrior popularity(TrainingData data, ModelConfig.Segment segment) {
        PopularityPrior prior = PopularityPrior.of(data.interactions(), 1, 0);
        int column = segment.isSet() ? data.customerAttributes().column(segment.column()) : -1;
        return column < 0 ? prior : prior.withSegments(SegmentShares.of(data, column, segment.shrinkage()));
    }

    static SparseItemWeights ease(InteractionMatrix x, InteractionTransform t, ModelConfig.Ease c, int[] counts) {
        EaseSolution solution = EaseSolution.solve(x, t, c.lambda(), c.kappa(), c.minCount(), c.maxDenseItems());
        return onUnitScale(solution.weights(counts, c.beta(), c.topK(), c.keepNegatives()), x, t);
    }

    static SparseItemWeights walk(InteractionMatrix x, InteractionTransform t, ModelConfig.Walk c) {
        return onUnitScale(WalkFamily.fit(x, t, c.normalisation(), c.topK()), x, t);
    }

    static AttributePaths knowledgeGraph(TrainingData data, InteractionTransform t, ModelConfig.KnowledgeGraph c,
                                         int[] counts) {
        AttributePaths paths = AttributeFamily.fit(data.attributes(), counts, c.idfExponent(),
                c.popularityExponent(), c.maxFanout(), c.topK(), c.coldTopK());
        double scale = typicalBestScore(paths.weights(), data.interactions(), t);
        return scale > 0 ? paths.scaled(1.0 / scale) : paths;
    }

    static SparseItemWeights embedding(InteractionMatrix x, InteractionTransform t, ItemAttributes kg,
                                       ModelConfig.Embedding c) {
        return onUnitScale(EmbeddingFamily.fit(x, t, kg, c.maxFanout(), c.dimension(), c.seed(), c.topK(),
                c.coldTopK()), x, t);
    }

    /**
     * Blend weights with the prior in score units: the relative weight divided by the largest popularity share, and
     * multiplied by (mean history size)^decay so that a typical customer sees the same prior whatever the decay.
     */
    static BlendWeights priorOnUnitScale(InteractionMatrix x, BlendWeights blend) {
        int best = 0;
        for (int i = 0; i < x.items(); i++) {
            best = Math.max(best, x.itemCount(i));
        }
        double maxShare = x.customers() == 0 ? 1.0 : Math.max((double) best / x.customers(), 1e-12);
        int withHistory = 0;
        for (int c = 0; c < x.customers(); c++) {
            withHistory += x.historySize(c) > 0 ? 1 : 0;
        }
        double meanHistory = withHistory == 0 ? 1.0 : Math.max(1.0, (double) x.nonZeros() / withHistory);
        double weight = blend.prior() / maxShare * Math.pow(meanHistory, blend.priorDecay());
        return blend.withPrior(weight, blend.priorDecay());
    }

    private static SparseItemWeights onUnitScale(SparseItemWeights w, InteractionMatrix x, InteractionTransform t) {
        double scale = typicalBestScore(w, x, t);
        return scale > 0 ? w.scaled(1.0 / scale) : w;
    }

    /** Mean over customers with a history of max_i Σ_j x_uj · W_ji. */
    static double typicalBestScore(SparseItemWeights w, InteractionMatrix x, InteractionTransform t) {
        double[] best = new double[x.customers()];
        IntStream.range(0, x.customers()).parallel().forEach(c -> {
            double[] scores = new double[x.items()];
            w.accumulate(x.history(c, t), scores);
            double max = 0;
            for (double s : scores) {
                max = Math.max(max, s);
            }
            best[c] = max;
        });
        double sum = 0;
        int n = 0;
        for (int c = 0; c < best.length; c++) {
            if (x.historySize(c) > 0) {
                sum += best[c];
                n++;
            }
        }
        return n == 0 ? 0.0 : sum / n;
    }
}
