package io.kgrec.cypher.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryHeaderTest {
    private static final String GOOD = """
            // count-items: how many items there are.
            //
            // Counts items whose name starts with a prefix.
            // Second line of the same paragraph.
            //
            // Another paragraph.
            //
            // Parameters:
            //   prefix  STRING   (required) the start of the names
            //   atLeast INTEGER  the smallest count worth reporting
            //
            // :param prefix => 'MILK'
            // :param atLeast => 1
            MATCH (i:Item) WHERE i.name STARTS WITH $prefix
            // a comment with $notAParameter
            WITH count(i) AS items WHERE items >= $atLeast
            RETURN items;
            """;

    @Test
    void reads_the_summary_description_and_typed_parameters_with_their_examples() {
        LibraryQuery query = QueryHeader.parse("cypher/x/count-items.cypher", GOOD);

        assertThat(query.name()).isEqualTo("count-items");
        assertThat(query.summary()).isEqualTo("how many items there are.");
        assertThat(query.description()).isEqualTo(
                "Counts items whose name starts with a prefix. Second line of the same paragraph."
                        + "\n\nAnother paragraph.");
        assertThat(query.parameters()).containsExactly(
                new QueryParameter("prefix", ParameterType.STRING, true, "the start of the names", "MILK", "'MILK'"),
                new QueryParameter("atLeast", ParameterType.INTEGER, false, "the smallest count worth reporting", 1L,
                        "1"));
        assertThat(query.text()).isEqualTo(GOOD);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            // count-items: how many items there are.|// count-items how many items there are.|the first line must be
            count-items.cypher|other.cypher|the header names the query count-items, the file other
            // Parameters:|// Parameter:|no '// Parameters:' line
            //   atLeast INTEGER  the smallest|//   atLeast INT  the smallest|is not '//   <name>  <TYPE>
            // :param atLeast => 1|// :param atleast => 1|parameter atLeast has no ':param atLeast => ...' line
            // :param atLeast => 1|// :param atLeast => 'one'|the example 'one' of atLeast is not of type INTEGER
            items >= $atLeast|items >= $atMost|uses [prefix, atMost] but the header documents [prefix, atLeast]
            """)
    void rejects_a_header_that_does_not_match_the_layout_or_the_statement(String good, String bad, String message) {
        String resource = "cypher/x/" + (good.endsWith(".cypher") ? bad : "count-items.cypher");
        String text = good.endsWith(".cypher") ? GOOD : GOOD.replace(good, bad);

        assertThatThrownBy(() -> QueryHeader.parse(resource, text))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(resource + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void rejects_example_lines_for_parameters_that_are_not_documented() {
        String text = GOOD.replace("// :param atLeast => 1", "// :param atLeast => 1\n// :param limit => 5");

        assertThatThrownBy(() -> QueryHeader.parse("cypher/x/count-items.cypher", text))
                .hasMessageContaining(":param lines for undocumented parameters [limit]");
    }
}
