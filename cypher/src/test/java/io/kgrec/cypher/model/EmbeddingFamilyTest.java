package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Fixture: two groups of items bought by two groups of customers (items 0–2 by customers 0–3, items 3–5 by
 * customers 4–7); item 6 is cold and shares an attribute with items 0 and 1 only.
 */
class EmbeddingFamilyTest {
    private final InteractionMatrix x = TinyData.interactions(7,
            new int[] {0, 1, 2}, new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 2},
            new int[] {3, 4, 5}, new int[] {3, 4}, new int[] {4, 5}, new int[] {3, 5});
    private final ItemAttributes kg = TinyData.attributes(7, new int[] {0, 1, 6}, new int[] {3, 4});

    @Test
    void items_bought_by_the_same_customers_are_closer_than_items_of_the_other_group() {
        SparseItemWeights w = EmbeddingFamily.fit(x, InteractionTransform.BINARY, kg, 100, 64, 42, 6, 3);

        assertThat(w.weight(0, 2)).isGreaterThan(w.weight(0, 4));
        assertThat(w.weight(3, 5)).isGreaterThan(w.weight(3, 1));
    }

    @Test
    void a_cold_item_is_reached_from_the_items_that_share_its_attributes() {
        SparseItemWeights w = EmbeddingFamily.fit(x, InteractionTransform.BINARY, kg, 100, 64, 42, 6, 2);

        int[] sources = java.util.stream.IntStream.range(0, 7).filter(j -> w.weight(j, 6) > 0).toArray();
        assertThat(sources).isNotEmpty().containsAnyOf(0, 1);
    }

    @Test
    void the_same_seed_gives_the_same_weights() {
        SparseItemWeights a = EmbeddingFamily.fit(x, InteractionTransform.BINARY, kg, 100, 32, 7, 6, 2);
        SparseItemWeights b = EmbeddingFamily.fit(x, InteractionTransform.BINARY, kg, 100, 32, 7, 6, 2);

        for (int j = 0; j < 7; j++) {
            assertThat(b.targetsOf(j)).containsExactly(a.targetsOf(j));
            assertThat(b.weightsOf(j)).containsExactly(a.weightsOf(j));
        }
    }
}
