package io.kgrec.cypher.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleBiFunction;

/**
 * The tuner's search over EASE^R alone: for each interaction transform, a hill climb on log λ that starts at eight
 * times the mean diagonal of the Gram matrix (the data's own scale, so no dataset needs its own grid), moving in
 * ×4, then ×2, then ×√2 steps; then the sparsification (target popularity damping β, top-K, negatives kept or not) on
 * the best solution, which needs no new solve. The second transform starts from the first one's best λ.
 */
final class EaseSearch {
    private static final double START_MULTIPLE = 8.0;

    private final ToDoubleBiFunction<FittedFamilies, BlendWeights> evaluate;
    private final InteractionMatrix x;
    private final int[] counts;
    private final Consumer<String> log;
    private final Runnable stepDone;

    /** @param stepDone called after each transform's climb and after the sparsity search: {@link #steps} in all */
    EaseSearch(ToDoubleBiFunction<FittedFamilies, BlendWeights> evaluate, InteractionMatrix x, int[] counts,
               Consumer<String> log, Runnable stepDone) {
        this.evaluate = evaluate;
        this.x = x;
        this.counts = counts;
        this.log = log;
        this.stepDone = stepDone;
    }

    /** How many times {@link #search} reports a step done. */
    static int steps(InteractionMatrix x) {
        return transforms(x).size() + 1;
    }

    private static List<InteractionTransform> transforms(InteractionMatrix x) {
        return x.isBinary() ? List.of(InteractionTransform.BINARY)
                : List.of(InteractionTransform.BINARY, InteractionTransform.LOG);
    }

    ModelConfig search(ModelConfig start) {
        ModelConfig.Ease base = start.ease();
        InteractionTransform bestTransform = InteractionTransform.BINARY;
        double bestLambda = base.lambda();
        double best = -1;
        EaseSolution bestSolution = null;
        for (InteractionTransform t : transforms(x)) {
            Map<Double, Double> scores = new HashMap<>();
            Map<Double, EaseSolution> solutions = new HashMap<>();
            // The first transform starts from the data's scale; later ones from the best λ so far, rescaled to
            // their own Gram diagonal, which is usually close, so they skip the coarse steps.
            boolean first = best < 0;
            double lambda = first ? START_MULTIPLE * meanDiagonal(t, base)
                    : bestLambda * meanDiagonal(t, base) / meanDiagonal(bestTransform, base);
            double score = score(t, lambda, base, scores, solutions);
            double[] steps = first ? new double[] {4.0, 2.0, Math.sqrt(2.0)} : new double[] {2.0, Math.sqrt(2.0)};
            for (double step : steps) {
                boolean moved = true;
                while (moved) {
                    moved = false;
                    for (double candidate : new double[] {lambda * step, lambda / step}) {
                        double s = score(t, candidate, base, scores, solutions);
                        if (s > score) {
                            score = s;
                            lambda = candidate;
                            moved = true;
                            break;
                        }
                    }
                }
            }
            log.accept(String.format("ease %s: best lambda %.1f -> %.5f (%d solves)", t, lambda, score, scores.size()));
            if (score > best) {
                best = score;
                bestTransform = t;
                bestLambda = lambda;
                bestSolution = solutions.get(lambda);
            }
            stepDone.run();
        }
        ModelConfig.Ease ease = sparsity(bestTransform, base.withLambda(bestLambda), bestSolution, best);
        stepDone.run();
        return start.withTransform(bestTransform).withEase(ease);
    }

    /** β, then top-K, then negatives, each kept only if it helps. */
    private ModelConfig.Ease sparsity(InteractionTransform t, ModelConfig.Ease ease, EaseSolution solution,
                                      double score) {
        double best = score;
        ModelConfig.Ease chosen = ease;
        for (double beta : new double[] {-0.1, 0.1, 0.2, 0.3}) {
            ModelConfig.Ease c = chosen.withSparsity(beta, chosen.topK(), chosen.keepNegatives());
            double s = evaluate(t, solution, c);
            if (s > best) {
                best = s;
                chosen = c;
            }
        }
        for (int topK : new int[] {200, 1000}) {
            ModelConfig.Ease c = chosen.withSparsity(chosen.beta(), topK, chosen.keepNegatives());
            double s = evaluate(t, solution, c);
            // Fewer stored relationships win unless more are clearly better.
            if (topK < chosen.topK() ? s >= best * 0.999 : s > best * 1.001) {
                best = Math.max(best, s);
                chosen = c;
            }
        }
        ModelConfig.Ease flipped = chosen.withSparsity(chosen.beta(), chosen.topK(), !chosen.keepNegatives());
        double s = evaluate(t, solution, flipped);
        if (s > best) {
            best = s;
            chosen = flipped;
        }
        log.accept(String.format("ease sparsity: beta %.1f topK %d negatives %b -> %.5f", chosen.beta(), chosen.topK(),
                chosen.keepNegatives(), best));
        return chosen;
    }

    private double score(InteractionTransform t, double lambda, ModelConfig.Ease base, Map<Double, Double> scores,
                         Map<Double, EaseSolution> solutions) {
        Double known = scores.get(lambda);
        if (known != null) {
            return known;
        }
        EaseSolution solution = EaseSolution.solve(x, t, lambda, base.kappa(), base.minCount(), base.maxDenseItems());
        double s = evaluate(t, solution, base.withLambda(lambda));
        // Keep only the best solution so far: dense inverses are large. The hill climb's current λ is always the
        // best one evaluated, so that is the one the caller asks for.
        boolean bestSoFar = scores.values().stream().allMatch(previous -> s > previous);
        scores.put(lambda, s);
        if (bestSoFar) {
            solutions.clear();
            solutions.put(lambda, solution);
        }
        return s;
    }

    private double evaluate(InteractionTransform t, EaseSolution solution, ModelConfig.Ease c) {
        SparseItemWeights w = solution.weights(counts, c.beta(), c.topK(), c.keepNegatives());
        FittedFamilies fitted = new FittedFamilies(t, w, null, null, null, PopularityPrior.of(x, 1, 0));
        return evaluate.applyAsDouble(fitted, BlendWeights.collaborativeOnly());
    }

    /** Mean of diag(XᵀX) over the dense items: the scale at which λ starts to matter. */
    private double meanDiagonal(InteractionTransform t, ModelConfig.Ease base) {
        int[] dense = EaseSolution.denseItems(x, base.minCount(), base.maxDenseItems());
        double sum = 0;
        for (int i : dense) {
            for (int p = x.columnStart(i); p < x.columnEnd(i); p++) {
                double v = t.apply(x.columnValue(p));
                sum += v * v;
            }
        }
        return dense.length == 0 ? 1.0 : Math.max(sum / dense.length, 1e-3);
    }
}
