package io.kgrec.cypher.model;

import java.util.Comparator;
import java.util.List;

/**
 * Why an item scored what it did: score(u, i) = Σ paths + Σ priors, exactly (up to floating-point summation order).
 * Paths are sorted strongest first by absolute value; negative ones argue against the item.
 */
public record ScoreDecomposition(int item, double score, List<PathContribution> paths,
                                 List<PriorContribution> priors) {

    public ScoreDecomposition {
        paths = paths.stream()
                .sorted(Comparator.comparingDouble((PathContribution p) -> -Math.abs(p.value()))
                        .thenComparingInt(PathContribution::knownItem)
                        .thenComparing(PathContribution::family)
                        .thenComparingInt(PathContribution::attribute))
                .toList();
        priors = List.copyOf(priors);
    }

    /** The sum of all contributions; equals {@link #score()} to within rounding. */
    public double total() {
        double sum = 0;
        for (PathContribution p : paths) {
            sum += p.value();
        }
        for (PriorContribution p : priors) {
            sum += p.value();
        }
        return sum;
    }

    /** Sum of the path contributions of one family. */
    public double familyTotal(Family family) {
        return paths.stream().filter(p -> p.family() == family).mapToDouble(PathContribution::value).sum();
    }
}
