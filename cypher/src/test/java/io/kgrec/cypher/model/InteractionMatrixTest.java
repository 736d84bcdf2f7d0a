package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InteractionMatrixTest {

    @Test
    void stores_each_customer_row_sorted_and_sums_repeated_pairs() {
        InteractionMatrix x = InteractionMatrix.builder(2, 4)
                .add(0, 3, 2.0).add(0, 1, 1.0).add(0, 3, 5.0).add(1, 1, 4.0)
                .build();

        assertThat(x.itemsOf(0)).containsExactly(1, 3);
        assertThat(x.valuesOf(0)).containsExactly(1.0, 7.0);
        assertThat(x.nonZeros()).isEqualTo(3);
    }

    @Test
    void counts_customers_per_item_including_items_nobody_has() {
        InteractionMatrix x = TinyData.interactions(4, new int[] {0, 1}, new int[] {1}, new int[] {1, 2});

        assertThat(x.itemCounts()).containsExactly(1, 3, 1, 0);
    }

    @Test
    void transforms_raw_values_into_history_values() {
        InteractionMatrix x = InteractionMatrix.builder(1, 3).add(0, 2, Math.E).add(0, 0, 1.0).build();

        assertThat(x.history(0, InteractionTransform.LOG).values()).containsExactly(1.0, 2.0);
        assertThat(x.history(0, InteractionTransform.BINARY).values()).containsExactly(1.0, 1.0);
        assertThat(x.isBinary()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "-1, 0, 1.0, out of range",
        "0, 5, 1.0, out of range",
        "0, 0, 0.0, positive and finite",
        "0, 0, -2.0, positive and finite"})
    void rejects_bad_interactions(int customer, int item, double value, String message) {
        InteractionMatrix.Builder builder = InteractionMatrix.builder(1, 5);

        assertThatThrownBy(() -> builder.add(customer, item, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
