package io.kgrec.cypher.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnownNamesTest {
    @Test
    void lists_the_known_names_sorted_once_each() {
        assertThat(KnownNames.listed(List.of("income", "age", "income"))).isEqualTo("age, income");
        assertThat(KnownNames.listed(List.of())).isEqualTo("none");
    }

    @Test
    void cuts_a_long_list_at_twenty_and_counts_the_rest() {
        List<String> brands = IntStream.range(0, 25).mapToObj(i -> String.format("b%02d", i)).toList();

        String listed = KnownNames.listed(brands);

        assertThat(listed).startsWith("b00, b01, ").endsWith("b19 … 5 more").doesNotContain("b20");
    }

    @Test
    void names_the_unknown_name_where_it_came_from_and_the_known_ones() {
        assertThat(KnownNames.unknown("customer attribute", "income_desc", "customerFilter", List.of("income", "age")))
                .hasMessage("unknown customer attribute 'income_desc' in customerFilter; known: age, income");
    }
}
