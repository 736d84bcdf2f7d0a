package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Fixture: items 0, 1, 2; customers {0, 1}, {0, 1, 2}, {0}. Counts: item 0 → 3, item 1 → 2, item 2 → 1. Gram matrix
 * over items 0 and 1 (those with ≥ 2 customers): [[3, 2], [2, 2]].
 */
class CollaborativeFamiliesTest {
    private final InteractionMatrix x = TinyData.interactions(3, new int[] {0, 1}, new int[] {0, 1, 2}, new int[] {0});

    @Test
    void ease_weights_of_two_items_are_ridge_regressions_on_each_other() {
        // With two items B_ji = G_ji / (G_jj + λ): j → i regresses i on j alone.
        SparseItemWeights w = EaseSolution.solve(x, InteractionTransform.BINARY, 1.0, 0.0, 2, 100)
                .weights(x.itemCounts(), 0.0, 10, true);

        assertThat(w.weight(0, 1)).isCloseTo(2.0 / (3 + 1), within(1e-12));
        assertThat(w.weight(1, 0)).isCloseTo(2.0 / (2 + 1), within(1e-12));
        assertThat(w.targetsOf(2)).as("item 2 has one customer, below minCount").isEmpty();
    }

    @Test
    void ease_popularity_ridge_and_target_damping_enter_as_documented() {
        // Λ_jj = λ + κ·G_jj, then W_ji = B_ji · count_i^(−β).
        SparseItemWeights w = EaseSolution.solve(x, InteractionTransform.BINARY, 1.0, 0.5, 2, 100)
                .weights(x.itemCounts(), 1.0, 10, true);

        assertThat(w.weight(0, 1)).isCloseTo(2.0 / (3 * 1.5 + 1) / 2, within(1e-12));
        assertThat(w.weight(1, 0)).isCloseTo(2.0 / (2 * 1.5 + 1) / 3, within(1e-12));
    }

    @Test
    void ease_keeps_only_the_top_k_targets_of_each_source() {
        InteractionMatrix wide = TinyData.interactions(4, new int[] {0, 1, 2}, new int[] {0, 1}, new int[] {0, 3},
                new int[] {1, 2, 3}, new int[] {2, 3});

        SparseItemWeights w = EaseSolution.solve(wide, InteractionTransform.BINARY, 1.0, 0, 1, 100)
                .weights(wide.itemCounts(), 0, 1, true);

        for (int j = 0; j < 4; j++) {
            assertThat(w.targetsOf(j)).hasSizeLessThanOrEqualTo(1).doesNotContain(j);
        }
    }

    @Test
    void rp3_walk_multiplies_the_two_transition_probabilities() {
        SparseItemWeights w = WalkFamily.fit(x, InteractionTransform.BINARY, WalkFamily.Normalisation.rp3(1, 0), 10);

        // 0 → customers {0,1,2} with 1/3 each; customer 0 → item 1 with 1/2, customer 1 → items 1, 2 with 1/3.
        assertThat(w.weight(0, 1)).isCloseTo(1.0 / 3 * (1.0 / 2 + 1.0 / 3), within(1e-12));
        assertThat(w.weight(0, 2)).isCloseTo(1.0 / 3 * (1.0 / 3), within(1e-12));
        assertThat(w.weight(1, 0)).isCloseTo(1.0 / 2 * (1.0 / 2 + 1.0 / 3), within(1e-12));
        assertThat(w.weight(2, 2)).isZero();
    }

    @Test
    void user_knn_normalisation_weights_each_co_customer_by_one_over_root_history() {
        SparseItemWeights w = WalkFamily.fit(x, InteractionTransform.BINARY,
                new WalkFamily.Normalisation(0, 0.5, 0.5), 10);

        assertThat(w.weight(0, 1)).isCloseTo((1 / Math.sqrt(2) + 1 / Math.sqrt(3)) / Math.sqrt(2), within(1e-12));
        assertThat(w.weight(2, 0)).isCloseTo(1 / Math.sqrt(3) / Math.sqrt(3), within(1e-12));
    }
}
