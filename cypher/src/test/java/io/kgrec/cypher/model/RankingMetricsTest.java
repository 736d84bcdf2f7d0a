package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void ndcg_discounts_hits_by_position_against_the_ideal_ranking() {
        double ndcg = RankingMetrics.ndcg(new int[] {5, 1, 7}, new int[] {1, 7}, 3);

        assertThat(ndcg).isCloseTo((1 / log2(3) + 1 / log2(4)) / (1 + 1 / log2(3)), within(1e-12));
    }

    @Test
    void ndcg_ideal_is_cut_at_k() {
        double ndcg = RankingMetrics.ndcg(new int[] {2}, new int[] {1, 2, 3}, 1);

        assertThat(ndcg).isEqualTo(1.0);
    }

    @Test
    void evaluates_a_model_over_customers_with_held_out_items_only() {
        // Customers 0-2 have no history, so a popularity-only model ranks for them (with a history it would need
        // paths); customers 3 and 4 make item 1 the most popular.
        InteractionMatrix x = TinyData.interactions(3, new int[] {}, new int[] {}, new int[] {}, new int[] {1},
                new int[] {1, 2});
        FittedFamilies popularityOnly = new FittedFamilies(InteractionTransform.BINARY, null, null, null, null,
                PopularityPrior.of(x, 1, 0));
        HybridModel model = HybridModel.blend(popularityOnly, new BlendWeights(0, 0, 0, 0, 1, 0));
        // Customer 0 gets item 1 (a hit), customer 1 gets item 1 (a hit, one of two held out), customer 2 and the
        // customers with histories have nothing held out.
        Holdout holdout = new Holdout(new int[][] {{1}, {1, 2}, {}, {}, {}});

        RankingMetrics.Result result = RankingMetrics.evaluate(model, TinyData.data(x, ItemAttributes.none(3)), holdout, 1);

        assertThat(result.customers()).isEqualTo(2);
        assertThat(result.ndcg()).isCloseTo((1.0 + 1.0) / 2, within(1e-12));
        assertThat(result.recall()).isCloseTo((1.0 + 0.5) / 2, within(1e-12));
    }
}
