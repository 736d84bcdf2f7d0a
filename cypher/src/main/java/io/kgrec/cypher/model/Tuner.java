package io.kgrec.cypher.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;

/**
 * Chooses every hyperparameter and blend weight on a validation split (train on valid_train, rank, score nDCG@10 on
 * the held-out items), with no per-dataset constants: a log-scale hill climb for EASE's λ starting from the data's own
 * scale, small grids for the other families' shapes, and coordinate ascent on the blend weights. A family is only
 * switched on when it improves validation nDCG by a clear margin, which keeps models small and explanations short.
 */
public final class Tuner {
    private static final int K = 10;
    private static final double[] COARSE = {0.01, 0.03, 0.1, 0.3, 1, 3, 10};
    private static final double NEW_FAMILY_GAIN = 1.002;

    private final TrainingData data;
    private final InteractionMatrix x;
    private final Holdout holdout;
    private final int[] counts;
    private final List<String> log = new ArrayList<>();
    private int evaluations;
    private BlendEvaluator blends;
    private InteractionTransform blendTransform;
    private final long started = System.nanoTime();
    private final DoubleConsumer progress;
    private final int steps;
    private int stepsDone;

    private Tuner(TrainingData data, Holdout holdout, DoubleConsumer progress) {
        this.data = data;
        this.x = data.interactions();
        this.holdout = holdout;
        this.counts = x.itemCounts();
        this.progress = progress;
        // The search's fixed outline: EASE, the anchor, each walk and knowledge-graph candidate, the embedding, the
        // segments, the prior or collaborative re-search, and the three final line searches. Counting these steps
        // rather than evaluations keeps the fraction honest without knowing the hill climb's length in advance.
        this.steps = EaseSearch.steps(x) + 1 + walkCandidates().size() + (data.attributes().links() > 0 ? 3 : 0)
                + 1 + 1 + 1 + 3;
    }

    /** The chosen configuration, its validation nDCG@10 and a human-readable log of the search. */
    public record Result(ModelConfig config, double ndcg, List<String> log) {
    }

    public static Result tune(TrainingData validTrain, Holdout valid) {
        return tune(validTrain, valid, ModelConfig.defaults());
    }

    /** {@code start} supplies everything the search does not vary (budgets, seeds, fan-out limits). */
    public static Result tune(TrainingData validTrain, Holdout valid, ModelConfig start) {
        return tune(validTrain, valid, start, fraction -> { });
    }

    /** @param progress receives the fraction of the search's steps done, rising to 1 */
    public static Result tune(TrainingData validTrain, Holdout valid, ModelConfig start, DoubleConsumer progress) {
        return new Tuner(validTrain, valid, progress).run(start);
    }

    private void step() {
        stepsDone++;
        progress.accept(Math.min(1.0, (double) stepsDone / steps));
    }

    private Result run(ModelConfig start) {
        EaseSearch ease = new EaseSearch(this::evaluate, x, counts, this::log, this::step);
        ModelConfig config = ease.search(start);
        FittedFamilies fitted = new FittedFamilies(config.transform(),
                HybridTrainer.ease(x, config.transform(), config.ease(), counts), null, null, null,
                PopularityPrior.of(x, 1, 0));
        InteractionTransform t = config.transform();
        double easeAlone = evaluateBlend(fitted, new BlendWeights(1, 0, 0, 0, 0, 0));
        double priorAlone = evaluateBlend(fitted, new BlendWeights(0, 0, 0, 0, 1, 0));
        boolean priorAnchored = priorAlone > easeAlone;
        BlendWeights blend = priorAnchored ? new BlendWeights(0, 0, 0, 0, 1, 0) : new BlendWeights(1, 0, 0, 0, 0, 0);
        double best = Math.max(easeAlone, priorAlone);
        log("anchor " + (priorAnchored ? "popularity prior" : "collaborative") + String.format(
                " (collaborative alone %.5f, popularity alone %.5f)", easeAlone, priorAlone));
        Blend current = new Blend(fitted, blend, best);
        if (priorAnchored) {
            current = lineSearch(current, Component.COLLABORATIVE);
        } else {
            current = searchPrior(current);
        }
        step();
        ModelConfig.Walk walk = config.walk();
        for (WalkFamily.Normalisation n : walkCandidates()) {
            ModelConfig.Walk candidate = new ModelConfig.Walk(n, walk.topK());
            Blend tried = lineSearch(current.with(current.fitted.withWalk(HybridTrainer.walk(x, t, candidate))),
                    Component.WALK);
            log("  walk " + n + String.format(" -> %.5f", tried.ndcg));
            if (tried.ndcg > current.ndcg) {
                current = tried;
                walk = candidate;
            }
            step();
        }
        ModelConfig.KnowledgeGraph kg = config.knowledgeGraph();
        if (data.attributes().links() > 0) {
            for (double gamma : new double[] {0.0, 0.5, 1.0}) {
                ModelConfig.KnowledgeGraph candidate = new ModelConfig.KnowledgeGraph(kg.idfExponent(), gamma,
                        kg.maxFanout(), kg.topK(), kg.coldTopK());
                Blend tried = lineSearch(current.with(current.fitted.withKnowledgeGraph(
                        HybridTrainer.knowledgeGraph(data, t, candidate, counts))), Component.KNOWLEDGE_GRAPH);
                log("  knowledge graph popularityExponent=" + gamma + String.format(" -> %.5f", tried.ndcg));
                if (tried.ndcg > current.ndcg) {
                    current = tried;
                    kg = candidate;
                }
                step();
            }
        }
        current = lineSearch(current.with(current.fitted.withEmbedding(
                HybridTrainer.embedding(x, t, data.attributes(), config.embedding()))), Component.EMBEDDING);
        step();
        ModelConfig.Segment segment = ModelConfig.Segment.none();
        if (current.weights.prior() > 0) {
            SegmentChoice choice = searchSegments(current);
            current = choice.blend;
            segment = choice.segment;
        }
        step();
        if (priorAnchored) {
            current = lineSearch(current, Component.COLLABORATIVE);
        } else {
            current = searchPrior(current);
        }
        step();
        for (Component c : new Component[] {Component.WALK, Component.KNOWLEDGE_GRAPH, Component.EMBEDDING}) {
            current = lineSearch(current, c);
            step();
        }
        ModelConfig chosen = config.withWalk(walk).withKnowledgeGraph(kg).withSegment(segment)
                .withBlend(current.weights);
        double exact = evaluate(current.fitted, current.weights);
        log(String.format("chosen %s, validation nDCG@%d %.5f after %d evaluations", current.weights, K, exact,
                evaluations));
        return new Result(chosen, exact, List.copyOf(log));
    }

    private static List<WalkFamily.Normalisation> walkCandidates() {
        return List.of(WalkFamily.Normalisation.rp3(1.0, 0.0), WalkFamily.Normalisation.rp3(1.0, 0.3),
                WalkFamily.Normalisation.rp3(0.5, 0.3), new WalkFamily.Normalisation(0.0, 0.5, 0.0),
                new WalkFamily.Normalisation(0.5, 0.0, 0.5));
    }

    private record SegmentChoice(Blend blend, ModelConfig.Segment segment) {
    }

    /**
     * Tries each customer-attribute column (known for at least 5% of customers, at most
     * {@link SegmentShares#MAX_SEGMENTS} values) as the prior's segmentation, with a few shrinkages.
     */
    private SegmentChoice searchSegments(Blend current) {
        CustomerAttributes attributes = data.customerAttributes();
        SegmentChoice best = new SegmentChoice(current, ModelConfig.Segment.none());
        for (int column = 0; column < attributes.columns(); column++) {
            int values = attributes.values(column);
            int known = 0;
            for (int c = 0; c < x.customers(); c++) {
                known += attributes.value(column, c) >= 0 ? 1 : 0;
            }
            if (values < 2 || values > SegmentShares.MAX_SEGMENTS || known < 0.05 * x.customers()) {
                continue;
            }
            for (double shrinkage : new double[] {10, 50, 200}) {
                FittedFamilies segmented = current.fitted.withPopularity(
                        current.fitted.popularity().withSegments(SegmentShares.of(data, column, shrinkage)));
                Blend tried = current.with(segmented).scored(evaluateBlend(segmented, current.weights));
                double needed = best.segment.isSet() ? best.blend.ndcg : current.ndcg * NEW_FAMILY_GAIN;
                if (tried.ndcg > needed) {
                    best = new SegmentChoice(tried, new ModelConfig.Segment(attributes.name(column), shrinkage));
                }
            }
        }
        log(String.format("  segment %s -> %.5f", best.segment.isSet()
                ? best.segment.column() + " shrinkage " + best.segment.shrinkage() : "none", best.blend.ndcg));
        return best;
    }

    /** The prior's weight for a few decays (fade with history size, none, grow). */
    private Blend searchPrior(Blend current) {
        Blend best = current;
        for (double decay : new double[] {0.0, 0.5, 1.0, -0.5}) {
            Blend withDecay = current.with(current.weights.withPrior(current.weights.prior(), decay));
            Blend tried = lineSearch(withDecay, Component.PRIOR);
            if (tried.ndcg > best.ndcg) {
                best = tried;
            }
        }
        log(String.format("  prior weight %.3f decay %.1f -> %.5f", best.weights.prior(), best.weights.priorDecay(),
                best.ndcg));
        return best;
    }

    /**
     * Coordinate search for one blend weight: a coarse log grid, then ×/÷ 1.7 around the best. A family that was
     * off only comes on when the gain is clear.
     */
    private Blend lineSearch(Blend current, Component component) {
        if (!component.isFitted(current.fitted)) {
            return current;
        }
        double startWeight = component.get(current.weights);
        Blend best = current.ndcg >= 0 ? current : current.scored(evaluateBlend(current.fitted, current.weights));
        DoubleFunction<Blend> at = w -> {
            BlendWeights weights = component.set(current.weights, w);
            return current.with(weights).scored(evaluateBlend(current.fitted, weights));
        };
        Blend off = startWeight == 0 ? best : at.apply(0);
        if (off.ndcg > best.ndcg) {
            best = off;
        }
        Blend bestOn = null;
        for (double w : COARSE) {
            Blend tried = at.apply(w);
            if (bestOn == null || tried.ndcg > bestOn.ndcg) {
                bestOn = tried;
            }
        }
        double centre = component.get(bestOn.weights);
        for (double w : new double[] {centre / 1.7, centre * 1.7}) {
            Blend tried = at.apply(w);
            if (tried.ndcg > bestOn.ndcg) {
                bestOn = tried;
            }
        }
        boolean wasOff = component.get(best.weights) == 0;
        double needed = wasOff ? best.ndcg * NEW_FAMILY_GAIN : best.ndcg;
        return bestOn.ndcg > needed ? bestOn : best;
    }

    /** Direct evaluation of the real model: used for EASE solutions, each of which is seen once. */
    private double evaluate(FittedFamilies fitted, BlendWeights weights) {
        evaluations++;
        HybridModel model = HybridModel.blend(fitted, HybridTrainer.priorOnUnitScale(x, weights));
        return RankingMetrics.evaluate(model, data, holdout, K).ndcg();
    }

    /** Cached evaluation for the many blends of the same fitted families. */
    private double evaluateBlend(FittedFamilies fitted, BlendWeights weights) {
        evaluations++;
        if (blends == null || fitted.transform() != blendTransform) {
            blends = new BlendEvaluator(data, holdout, fitted.transform(), K);
            blendTransform = fitted.transform();
        }
        return blends.ndcg(fitted, weights);
    }

    private void log(String line) {
        log.add(String.format("%6.1fs %s", (System.nanoTime() - started) / 1e9, line));
    }

    /** A blend under evaluation; ndcg < 0 means not yet scored. */
    private record Blend(FittedFamilies fitted, BlendWeights weights, double ndcg) {
        Blend with(FittedFamilies other) {
            return new Blend(other, weights, -1);
        }

        Blend with(BlendWeights other) {
            return new Blend(fitted, other, -1);
        }

        Blend scored(double value) {
            return new Blend(fitted, weights, value);
        }
    }

    /** What a line search can move. */
    private enum Component {
        COLLABORATIVE, WALK, KNOWLEDGE_GRAPH, EMBEDDING, PRIOR;

        double get(BlendWeights b) {
            return switch (this) {
                case COLLABORATIVE -> b.collaborative();
                case WALK -> b.walk();
                case KNOWLEDGE_GRAPH -> b.knowledgeGraph();
                case EMBEDDING -> b.embedding();
                case PRIOR -> b.prior();
            };
        }

        BlendWeights set(BlendWeights b, double w) {
            return switch (this) {
                case COLLABORATIVE -> b.with(Family.COLLABORATIVE, w);
                case WALK -> b.with(Family.RANDOM_WALK, w);
                case KNOWLEDGE_GRAPH -> b.with(Family.KNOWLEDGE_GRAPH, w);
                case EMBEDDING -> b.with(Family.EMBEDDING, w);
                case PRIOR -> b.withPrior(w, b.priorDecay());
            };
        }

        boolean isFitted(FittedFamilies f) {
            return switch (this) {
                case COLLABORATIVE -> f.collaborative() != null;
                case WALK -> f.walk() != null;
                case KNOWLEDGE_GRAPH -> f.knowledgeGraph() != null;
                case EMBEDDING -> f.embedding() != null;
                case PRIOR -> true;
            };
        }
    }
}
