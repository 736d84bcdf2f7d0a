package io.kgrec.api.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntraListDiversityTest {
    /** a and b share dairy of {dairy, brandX, brandY} (1/3); c shares nothing; d has no neighbours at all. */
    private static final Map<String, Set<String>> NEIGHBOURS = Map.of(
            "a", Set.of("department:DAIRY", "brand:X"),
            "b", Set.of("department:DAIRY", "brand:Y"),
            "c", Set.of("department:MEAT"));

    @Test
    void is_one_minus_the_mean_jaccard_similarity_over_the_pairs_of_a_list() {
        // pairs: ab 1/3, ac 0, bc 0
        assertThat(IntraListDiversity.of(List.of("a", "b", "c"), NEIGHBOURS)).isCloseTo(1 - (1.0 / 3) / 3, within(1e-12));
        assertThat(IntraListDiversity.of(List.of("a", "a"), NEIGHBOURS)).isCloseTo(0.0, within(1e-12));
        assertThat(IntraListDiversity.of(List.of("d", "d"), NEIGHBOURS)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void averages_over_the_lists_that_have_pairs() {
        double mean = IntraListDiversity.mean(Map.of("u1", List.of("a", "b"), "u2", List.of("a", "c"), "u3",
                List.of("b")), NEIGHBOURS);

        assertThat(mean).isCloseTo(((1 - 1.0 / 3) + 1.0) / 2, within(1e-12));
        assertThat(IntraListDiversity.mean(Map.of("u", List.of("a")), NEIGHBOURS)).isNaN();
    }
}
