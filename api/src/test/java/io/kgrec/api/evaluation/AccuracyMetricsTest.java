package io.kgrec.api.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccuracyMetricsTest {
    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static Set<String> set(String... items) {
        return new LinkedHashSet<>(List.of(items));
    }

    /**
     * Two evaluated customers (c3 has nothing held out). c1: list [x, a, b] against {a, b, c}; c2: list [d, d, e]
     * against {e}, where the repeated d counts once so e moves to position 2.
     */
    private final HeldOut relevance = new HeldOut(
            Map.of("c1", set("x"), "c2", set("a"), "c3", set("a", "b")),
            Map.of("c1", set("a", "b", "c"), "c2", set("e"), "c3", set()),
            List.of("a", "b", "c", "d", "e", "x"));

    @Test
    void matches_hand_computed_figures_at_k_3() {
        AccuracyReport r = AccuracyMetrics.evaluate(Map.of(
                "c1", List.of("x", "a", "b", "c"),
                "c2", List.of("d", "d", "e")), relevance, 3);

        double dcg1 = 1 / log2(3) + 1 / log2(4);
        double idcg1 = 1 + 1 / log2(3) + 1 / log2(4);
        double ndcg2 = (1 / log2(3)) / 1;
        assertThat(r.customers()).isEqualTo(2);
        assertThat(r.precision()).isCloseTo((2.0 / 3 + 1.0 / 3) / 2, within(1e-12));
        assertThat(r.recall()).isCloseTo((2.0 / 3 + 1.0) / 2, within(1e-12));
        assertThat(r.ndcg()).isCloseTo((dcg1 / idcg1 + ndcg2) / 2, within(1e-12));
        assertThat(r.hitRate()).isEqualTo(1.0);
        assertThat(r.mrr()).isCloseTo((1.0 / 2 + 1.0 / 2) / 2, within(1e-12));
        // x, a, b, d, e recommended out of 6 catalogue items.
        assertThat(r.coverage()).isCloseTo(5.0 / 6, within(1e-12));
        // c1's x is in its training items: 1 of 5 recommendations.
        assertThat(r.trainOverlap()).isCloseTo(1.0 / 5, within(1e-12));
        assertThat(r.recommendations()).isEqualTo(5);
        // Training popularity: x 1, a 2, b 1, d 0, e 0 → mean over the 5 recommendations.
        assertThat(r.averagePopularity()).isCloseTo((1 + 2 + 1 + 0 + 0) / 5.0, within(1e-12));
    }

    @Test
    void counts_customers_without_recommendations_as_zero() {
        AccuracyReport r = AccuracyMetrics.evaluate(Map.of("c1", List.of("a")), relevance, 3);

        assertThat(r.customersWithoutRecommendations()).isEqualTo(1);
        assertThat(r.hitRate()).isEqualTo(0.5);
        assertThat(r.recall()).isCloseTo((1.0 / 3) / 2, within(1e-12));
    }

    @Test
    void gini_is_zero_when_even_and_grows_with_concentration() {
        assertThat(AccuracyMetrics.gini(List.of(2, 2, 2, 2))).isEqualTo(0.0);
        // sorted [0, 0, 0, 4]: sum (2i - n - 1) x_i = (2·4 - 5) · 4 = 12; / (n · total) = 12 / 16
        assertThat(AccuracyMetrics.gini(List.of(4, 0, 0, 0))).isCloseTo(12.0 / 16, within(1e-12));
        assertThat(AccuracyMetrics.gini(List.of(0, 0))).isEqualTo(0.0);
    }
}
