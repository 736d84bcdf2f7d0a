package io.kgrec.cypher.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks of parameters that name something in the graph, with their own Cypher run on a real Neo4j. */
class NamedValuesTest {
    private static final String GRAPH = """
            CREATE (:Customer {id:'c1', segment:'young', income:'50-74K', kgrecFeedbackSequence: 3}), (:Customer {id:'c2', age:'25-34'}),
                   (:Entity:Department {key:'department:PRODUCE', type:'department', name:'PRODUCE'}),
                   (:Entity:Brand {key:'brand:X', type:'brand', name:'X'}),
                   (:Entity:Brand {key:'brand:Y', type:'brand', name:'Y'})
            """;

    @BeforeAll
    static void graph() {
        LibraryNeo4j.replaceGraph(GRAPH);
    }

    private static List<String> names(String cypher) {
        return LibraryNeo4j.rows(cypher, Map.of()).stream().map(r -> (String) r.get("name")).toList();
    }

    @Test
    void the_customer_properties_check_lists_every_property_but_the_id() {
        assertThat(names(new NamedValues.Check("cypher/checks/customer-properties.cypher", "x").cypher()))
                .containsExactly("age", "income", "segment");
    }

    @Test
    void the_entity_types_check_lists_each_type_once() {
        assertThat(names(new NamedValues.Check("cypher/checks/entity-types.cypher", "x").cypher()))
                .containsExactly("brand", "department");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "segmentBy | income_desc | unknown customer property 'income_desc' in parameter segmentBy; known: age, "
                    + "income, segment",
            "entityType | colour | unknown entity type 'colour' in parameter entityType; known: brand, department"})
    void refuses_a_name_the_graph_does_not_hold(String parameter, String value, String message) {
        assertThatThrownBy(() -> NamedValues.check(Map.of(parameter, value, "topK", 5L), NamedValuesTest::names))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void accepts_names_the_graph_holds() {
        NamedValues.check(Map.of("segmentBy", "income", "entityType", "brand"), NamedValuesTest::names);
    }
}
