package io.kgrec.api.safety;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassedOperationsTest {
    private static final String TEXT = """
            query P($c: ID!, $n: Int, $all: Boolean!, $m: Int) {
              recommendations(customerId: $c, first: $n) {
                edges { node { ...Reasons @include(if: $all) } }
              }
            }
            fragment Reasons on Recommendation { reasons(first: $m) { sentence } }
            """;
    private static final Document PAGE = Parser.parse(TEXT);
    private static final OperationDefinition OPERATION = PAGE.getDefinitionsOfType(OperationDefinition.class).get(0);

    @Test
    void the_limits_read_the_variables_of_first_arguments_and_directives_fragments_included_and_no_others() {
        assertThat(PassedOperations.variablesTheLimitsRead(PAGE)).containsExactlyInAnyOrder("n", "all", "m");
    }

    @Test
    void a_pass_holds_for_other_customers_but_not_for_another_first_or_directive_value() {
        PassedOperations passed = new PassedOperations();
        passed.remember(PAGE, OPERATION, variables("19", 10, true, 3), 111);

        assertThat(passed.cost(PAGE, OPERATION, variables("20", 10, true, 3))).isEqualTo(111);
        assertThat(passed.cost(PAGE, OPERATION, variables("19", 100_000, true, 3))).isNull();
        assertThat(passed.cost(PAGE, OPERATION, variables("19", 10, false, 3))).isNull();
        assertThat(passed.cost(PAGE, OPERATION, variables("19", 10, true, null))).isNull();
    }

    @Test
    void a_pass_belongs_to_one_parsed_document_not_to_its_text() {
        PassedOperations passed = new PassedOperations();
        passed.remember(PAGE, OPERATION, variables("19", 10, true, 3), 111);
        Document again = Parser.parse(TEXT);

        assertThat(passed.cost(again, again.getDefinitionsOfType(OperationDefinition.class).get(0),
                variables("19", 10, true, 3))).isNull();
    }

    private static Map<String, Object> variables(String customer, Integer first, boolean all, Integer reasons) {
        Map<String, Object> values = new HashMap<>();
        values.put("c", customer);
        values.put("n", first);
        values.put("all", all);
        values.put("m", reasons);
        return values;
    }
}
