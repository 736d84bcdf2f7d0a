package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void returns_the_largest_best_first_with_ties_to_the_lower_index() {
        double[] values = {0.5, 2.0, 0.5, 3.0, Double.NEGATIVE_INFINITY, 0.5};

        assertThat(TopK.largest(values, null, 4)).containsExactly(3, 1, 0, 2);
    }

    @Test
    void never_picks_excluded_entries_even_when_short_of_k() {
        double[] values = {Double.NEGATIVE_INFINITY, 1.0, Double.NEGATIVE_INFINITY};

        assertThat(TopK.largest(values, null, 3)).containsExactly(1);
    }

    @Test
    void can_rank_by_magnitude_and_within_candidates() {
        double[] values = {0.1, -5.0, 2.0, 4.0};

        assertThat(TopK.largestAbsolute(values, null, 2)).containsExactly(1, 3);
        assertThat(TopK.largest(values, new int[] {0, 1, 2}, 2)).containsExactly(2, 0);
    }
}
