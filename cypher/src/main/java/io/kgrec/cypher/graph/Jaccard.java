package io.kgrec.cypher.graph;

import java.util.Set;

/**
 * The item similarity of the diversity re-ranking: the Jaccard index of two items' knowledge-graph neighbour keys.
 * One definition, so the offline intra-list diversity measures exactly what the re-ranking optimises.
 */
public final class Jaccard {
    private Jaccard() {
    }

    /** |x ∩ y| / |x ∪ y|; 0 when neither set has any key. */
    public static double of(Set<String> x, Set<String> y) {
        if (x.isEmpty() && y.isEmpty()) {
            return 0.0;
        }
        Set<String> small = x.size() <= y.size() ? x : y;
        Set<String> large = small == x ? y : x;
        int common = 0;
        for (String k : small) {
            if (large.contains(k)) {
                common++;
            }
        }
        return (double) common / (x.size() + y.size() - common);
    }
}
