package io.kgrec.cypher.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.testing.InProcessNeo4j;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filters, boosts, pins and diversity on the untrained walk. Customer u bought A; five other customers bought A and
 * B1, four A and B2, three A and B3, so by hand the scores are 5/√30, 4/√24 and 3/√18 (B1 > B2 > B3). B1 and B2 are
 * in the same department and brand; B3 is elsewhere; C is in no list at all.
 */
class BusinessRulesTest {
    private static final String GRAPH = """
            CREATE (u:Customer {id: 'u'}), (a:Item {id: 'A'}),
                   (b1:Item {id: 'B1', price: 3.0}), (b2:Item {id: 'B2', price: 1.5}), (b3:Item {id: 'B3', price: 1.0}),
                   (c:Item {id: 'C'}),
                   (d1:Entity:Department {key: 'department:1', type: 'department', name: '1'}),
                   (d2:Entity:Department {key: 'department:2', type: 'department', name: '2'}),
                   (z:Entity:Brand {key: 'brand:Z', type: 'brand', name: 'Z'}),
                   (b1)-[:IN_DEPARTMENT]->(d1), (b2)-[:IN_DEPARTMENT]->(d1), (b3)-[:IN_DEPARTMENT]->(d2),
                   (b1)-[:HAS_BRAND]->(z), (b2)-[:HAS_BRAND]->(z),
                   (u)-[:PURCHASED]->(a)
            WITH a, b1, b2, b3
            UNWIND range(1, 5) AS n
            CREATE (o:Customer {id: 'o' + n})-[:PURCHASED]->(a), (o)-[:PURCHASED]->(b1)
            WITH o, n, b2, b3
            CALL (o, n, b2) { WITH o, n, b2 WHERE n <= 4 CREATE (o)-[:PURCHASED]->(b2) }
            CALL (o, n, b3) { WITH o, n, b3 WHERE n <= 3 CREATE (o)-[:PURCHASED]->(b3) }
            """;

    private static InProcessNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start(RecommendStreamProc.class);
        neo4j.run(GRAPH);
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    private static List<Map<String, Object>> recommend(Map<String, Object> config) {
        return neo4j.rows("CALL kgrec.recommend.stream('u', $config)", Map.of("config", config));
    }

    private static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("itemId")).toList();
    }

    @Test
    void ranks_by_score_without_rules() {
        List<Map<String, Object>> rows = recommend(Map.of());

        assertThat(ids(rows)).containsExactly("B1", "B2", "B3");
        assertThat((Double) rows.get(0).get("score")).isCloseTo(5 / Math.sqrt(30), within(1e-12));
        assertThat(rows.get(0).get("modelVersion")).isEqualTo(0L);
    }

    @Test
    void attribute_filters_keep_or_drop_items_linked_to_the_given_entities() {
        assertThat(ids(recommend(Map.of("excludeAttributes", List.of("brand:Z"))))).containsExactly("B3");
        assertThat(ids(recommend(Map.of("includeAttributes", List.of("department:1"))))).containsExactly("B1", "B2");
    }

    @Test
    void a_numeric_range_keeps_items_whose_property_lies_in_it() {
        assertThat(ids(recommend(Map.of("range", Map.of("property", "price", "min", 1.2, "max", 2.0)))))
                .containsExactly("B2");
        assertThat(ids(recommend(Map.of("range", Map.of("property", "price", "max", 1.5)))))
                .containsExactly("B2", "B3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_boost_is_a_named_term_that_still_adds_up_to_the_score() {
        List<Map<String, Object>> rows = recommend(Map.of("boost", Map.of("B3", 0.5)));

        assertThat(ids(rows)).containsExactly("B3", "B1", "B2");
        Map<String, Object> b3 = rows.get(0);
        assertThat((Double) b3.get("score")).isCloseTo(3 / Math.sqrt(18) + 0.5, within(1e-12));
        List<Map<String, Object>> terms = (List<Map<String, Object>>) b3.get("terms");
        assertThat(terms).anySatisfy(t -> {
            assertThat(t.get("name")).isEqualTo("business_boost");
            assertThat(t.get("value")).isEqualTo(0.5);
        });
        double sum = ((List<Map<String, Object>>) b3.get("reasons")).stream()
                .mapToDouble(r -> (Double) r.get("contribution")).sum()
                + terms.stream().mapToDouble(t -> (Double) t.get("value")).sum();
        assertThat(sum).isCloseTo((Double) b3.get("score"), within(1e-12));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pins_come_first_even_without_a_path_and_say_so() {
        List<Map<String, Object>> rows = recommend(Map.of("pin", List.of("C", "B3"), "topK", 3));

        assertThat(ids(rows)).containsExactly("C", "B3", "B1");
        assertThat((List<Object>) rows.get(0).get("reasons")).isEmpty();
        assertThat((List<Map<String, Object>>) rows.get(0).get("terms")).extracting(t -> t.get("name"))
                .containsExactly("pinned");
        assertThat(rows).extracting(r -> r.get("rank")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void diversity_trades_score_for_items_unlike_those_above() {
        // After B1, B2 is identical in its attributes (similarity 1) and B3 shares none:
        // at 0.5, B2 is worth 0.5 · (4/√24)/(5/√30) − 0.5 · 1 < 0 and B3 0.5 · (3/√18)/(5/√30) > 0.
        assertThat(ids(recommend(Map.of("diversity", 0.5)))).containsExactly("B1", "B3", "B2");
        assertThat(ids(recommend(Map.of("diversity", 0.0)))).containsExactly("B1", "B2", "B3");
    }

    @Test
    void can_include_what_the_customer_already_has() {
        neo4j.run("MATCH (u:Customer {id: 'u'}), (b:Item {id: 'B1'}) MERGE (u)-[:PURCHASED]->(b)");
        try {
            assertThat(ids(recommend(Map.of()))).doesNotContain("B1", "A");
            assertThat(ids(recommend(Map.of("excludeInteracted", false)))).contains("B1");
        } finally {
            neo4j.run("MATCH (:Customer {id: 'u'})-[r:PURCHASED]->(:Item {id: 'B1'}) DELETE r");
        }
    }

    @Test
    void rejects_malformed_rules_naming_the_key() {
        assertThatThrownBy(() -> recommend(Map.of("diversity", 2))).hasStackTraceContaining("'diversity' must be in [0.0, 1.0]");
        assertThatThrownBy(() -> recommend(Map.of("range", Map.of("min", 1)))).hasStackTraceContaining("'range' needs a 'property'");
        assertThatThrownBy(() -> recommend(Map.of("boost", Map.of("B1", "lots")))).hasStackTraceContaining("entry 'B1' must be a finite number");
        assertThatThrownBy(() -> recommend(Map.of("pin", List.of(1)))).hasStackTraceContaining("'pin' must hold non-empty strings");
        assertThatThrownBy(() -> recommend(Map.of("pin", List.of("NO-SUCH-ITEM"))))
                .hasStackTraceContaining("unknown item 'NO-SUCH-ITEM' in pin");
        assertThatThrownBy(() -> recommend(Map.of("boost", Map.of("NO-SUCH-ITEM", 1.0))))
                .hasStackTraceContaining("unknown item 'NO-SUCH-ITEM' in boost");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "includeAttributes | department:NOPE | unknown department 'department:NOPE' in includeAttributes; "
                    + "known: department:1, department:2",
            "excludeAttributes | colour:red | unknown attribute type 'colour' in excludeAttributes ('colour:red'); "
                    + "known: brand, department",
            "includeAttributes | Z | unknown attribute 'Z' in includeAttributes: no item has this id, and an "
                    + "attribute is written <type>:<value> (did you mean brand:Z?); known types: brand, department",
            "includeAttributes | NOPE | unknown attribute 'NOPE' in includeAttributes: no item has this id, and an "
                    + "attribute is written <type>:<value>; known types: brand, department"})
    void refuses_attribute_filters_the_graph_does_not_know(String key, String value, String message) {
        assertThatThrownBy(() -> recommend(Map.of(key, List.of(value)))).hasStackTraceContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "weight | unknown numeric item property 'weight' in range; known: price",
            "id | unknown numeric item property 'id' in range; known: price"})
    void refuses_a_range_over_a_property_no_item_has_as_a_number(String property, String message) {
        assertThatThrownBy(() -> recommend(Map.of("range", Map.of("property", property, "min", 1))))
                .hasStackTraceContaining(message);
    }

    @Test
    void keeps_accepting_filters_on_items_and_known_entities() {
        assertThat(ids(recommend(Map.of("excludeAttributes", List.of("B1", "brand:Z"))))).containsExactly("B3");
    }
}
