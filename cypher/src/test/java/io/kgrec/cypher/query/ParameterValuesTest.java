package io.kgrec.cypher.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterValuesTest {
    private static final LibraryQuery QUERY = new LibraryQuery("q", "cypher/q.cypher", "s.", "d", List.of(
            new QueryParameter("customerId", ParameterType.STRING, true, "the customer", "1453", "'1453'"),
            new QueryParameter("topK", ParameterType.INTEGER, false, "how many", 10L, "10"),
            new QueryParameter("minShare", ParameterType.FLOAT, false, "the least share", 0.5, "0.5"),
            new QueryParameter("strict", ParameterType.BOOLEAN, false, "strictly", false, "false"),
            new QueryParameter("types", ParameterType.LIST_OF_STRING, false, "types", List.of("PURCHASED"),
                    "['PURCHASED']"),
            new QueryParameter("sizes", ParameterType.LIST_OF_INTEGER, false, "sizes", List.of(1L), "[1]")),
            "RETURN 1;");

    @Test
    void types_given_values_and_fills_in_the_examples_of_optional_parameters() {
        Map<String, Object> bound = QUERY.bind(Map.of("customerId", "0042", "topK", "5", "minShare", "1",
                "strict", "TRUE", "types", "PURCHASED, RATED"));

        assertThat(bound).containsExactly(Map.entry("customerId", "0042"), Map.entry("topK", 5L),
                Map.entry("minShare", 1.0), Map.entry("strict", true),
                Map.entry("types", List.of("PURCHASED", "RATED")), Map.entry("sizes", List.of(1L)));
    }

    @Test
    void reads_lists_as_comma_separated_values_or_as_cypher_list_literals() {
        assertThat(ParameterType.LIST_OF_STRING.parse("['a,b', \"c\"]")).isEqualTo(List.of("a,b", "c"));
        assertThat(ParameterType.LIST_OF_STRING.parse("")).isEqualTo(List.of());
        assertThat(ParameterType.LIST_OF_INTEGER.parse("1, 2,3")).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(ParameterType.LIST_OF_FLOAT.parse("[1, 2.5]")).isEqualTo(List.of(1.0, 2.5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            colour=red          | unknown parameter colour for query q; its parameters are customerId, topK, minShare
            topK=ten            | parameter topK: 'ten' is not an INTEGER
            topK=1.5            | parameter topK: '1.5' is not an INTEGER
            minShare=half       | parameter minShare: 'half' is not a FLOAT
            strict=yes          | parameter strict: 'yes' is not a BOOLEAN
            sizes=1,two         | parameter sizes: 'two' is not an INTEGER
            sizes=['1']         | parameter sizes: '['1']' is not a LIST<INTEGER>
            types=['a'          | parameter types: the list is not closed with ]
            """)
    void names_the_parameter_whose_value_is_wrong(String given, String message) {
        String[] kv = given.split("=", 2);
        Map<String, String> values = new HashMap<>(Map.of("customerId", "1"));
        values.put(kv[0], kv[1]);

        assertThatThrownBy(() -> QUERY.bind(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void names_a_required_parameter_that_is_missing_with_an_example() {
        assertThatThrownBy(() -> QUERY.bind(Map.of()))
                .hasMessage("parameter customerId (STRING) is required: the customer, e.g. --param customerId=1453");
    }

    @Test
    void reads_the_cypher_literals_of_header_examples() {
        assertThat(CypherLiteral.parse(" ['PURCHASED', \"it\\'s\", 3, -2.5, true, null] "))
                .isEqualTo(Arrays.asList("PURCHASED", "it's", 3L, -2.5, true, null));
        assertThatThrownBy(() -> CypherLiteral.parse("[1, 2] 3")).hasMessageContaining("unexpected text after");
        assertThatThrownBy(() -> CypherLiteral.parse("household_comp")).hasMessageContaining("is not a string");
    }
}
