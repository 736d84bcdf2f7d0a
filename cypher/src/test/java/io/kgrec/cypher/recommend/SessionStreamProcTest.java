package io.kgrec.cypher.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.testing.InProcessNeo4j;
import io.kgrec.cypher.verify.PathVerifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Anonymous sessions and the cold-start list on the untrained walk. Customer u bought A; five other customers bought A
 * and B1, four of them B2 and three B3, so from a session of A alone the cosine scores are 5/√30, 4/√24 and 3/√18.
 * B1 and B2 share department 1.
 */
class SessionStreamProcTest {
    private static final String GRAPH = """
            CREATE (u:Customer {id: 'u'}), (a:Item {id: 'A'}),
                   (b1:Item {id: 'B1'}), (b2:Item {id: 'B2'}), (b3:Item {id: 'B3'}), (c:Item {id: 'C'}),
                   (d1:Entity:Department {key: 'department:1', type: 'department', name: '1'}),
                   (b1)-[:IN_DEPARTMENT]->(d1), (b2)-[:IN_DEPARTMENT]->(d1),
                   (u)-[:PURCHASED]->(a)
            WITH a, b1, b2, b3
            UNWIND range(1, 5) AS n
            CREATE (o:Customer {id: 'o' + n})-[:PURCHASED]->(a), (o)-[:PURCHASED]->(b1)
            WITH o, n, b2, b3
            CALL (o, n, b2) { WITH o, n, b2 WHERE n <= 4 CREATE (o)-[:PURCHASED]->(b2) }
            CALL (o, n, b3) { WITH o, n, b3 WHERE n <= 3 CREATE (o)-[:PURCHASED]->(b3) }
            """;

    private static InProcessNeo4j neo4j;
    private static PathVerifier verifier;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start(SessionStreamProc.class, RecommendStreamProc.class);
        neo4j.run(GRAPH);
        verifier = new PathVerifier(neo4j::rows);
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    private static List<Map<String, Object>> session(List<String> items, Map<String, Object> config) {
        return neo4j.rows("CALL kgrec.recommend.session.stream($items, $config)", Map.of("items", items,
                "config", config));
    }

    @Test
    @SuppressWarnings("unchecked")
    void scores_a_session_by_the_customers_who_bought_its_items() {
        List<Map<String, Object>> rows = session(List.of("A"), Map.of());

        assertThat(rows).extracting(r -> r.get("itemId")).containsExactly("B1", "B2", "B3");
        assertThat((Double) rows.get(0).get("score")).isCloseTo(5 / Math.sqrt(30), within(1e-12));
        Map<String, Object> path = ((List<Map<String, Object>>) rows.get(0).get("reasons")).get(0);
        assertThat((List<Map<String, Object>>) path.get("nodes")).extracting(n -> n.get("kind"))
                .containsExactly("ITEM", "CUSTOMER_GROUP", "ITEM");
        assertThat(((List<Map<String, Object>>) path.get("nodes")).get(1).get("size")).isEqualTo(5L);
        assertThat(path.get("sentence")).isEqualTo("5 customers who bought A also bought B1.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void never_recommends_the_session_items_and_every_path_starts_at_one_of_them_and_exists() {
        List<Map<String, Object>> rows = session(List.of("A", "B1"), Map.of("maxReasons", 10));

        assertThat(rows).isNotEmpty().extracting(r -> r.get("itemId")).doesNotContain("A", "B1");
        int paths = 0;
        for (Map<String, Object> row : rows) {
            double sum = 0;
            for (Map<String, Object> path : (List<Map<String, Object>>) row.get("reasons")) {
                List<Map<String, Object>> nodes = (List<Map<String, Object>>) path.get("nodes");
                assertThat(nodes.get(0).get("id")).isIn("A", "B1");
                assertThat(nodes.get(nodes.size() - 1).get("id")).isEqualTo(row.get("itemId"));
                assertThat(verifier.problem(path)).as("%s", path).isNull();
                sum += (Double) path.get("contribution");
                paths++;
            }
            for (Map<String, Object> term : (List<Map<String, Object>>) row.get("terms")) {
                sum += (Double) term.get("value");
            }
            assertThat(sum).isCloseTo((Double) row.get("score"), within(1e-12));
        }
        assertThat(paths).isGreaterThan(rows.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A;X;Y | unknown item id(s) in itemIds: X, Y",
            "'' | itemIds must name at least one item of the session"})
    void refuses_items_the_graph_does_not_have(String items, String message) {
        List<String> ids = items.isEmpty() ? List.of() : List.of(items.split(";"));
        assertThatThrownBy(() -> session(ids, Map.of())).hasStackTraceContaining(message);
    }

    @Test
    void refuses_to_recommend_the_session_items_back_and_checks_the_rules() {
        assertThatThrownBy(() -> session(List.of("A"), Map.of("excludeInteracted", false)))
                .hasStackTraceContaining("a session's own items are never recommended");
        assertThatThrownBy(() -> session(List.of("A"), Map.of("includeAttributes", List.of("department:9"))))
                .hasStackTraceContaining("unknown department 'department:9' in includeAttributes");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_popular_list_scores_each_item_by_its_share_of_customers_as_a_named_term() {
        List<Map<String, Object>> rows = neo4j.rows("CALL kgrec.recommend.popular.stream({topK: 2})", Map.of());

        assertThat(rows).extracting(r -> r.get("itemId")).containsExactly("A", "B1");
        assertThat((Double) rows.get(1).get("score")).isCloseTo(5.0 / 6, within(1e-12));
        assertThat((List<Object>) rows.get(1).get("reasons")).isEmpty();
        assertThat((List<Map<String, Object>>) rows.get(1).get("terms")).singleElement()
                .satisfies(t -> assertThat(t.get("name")).isEqualTo("popularity_prior"))
                .satisfies(t -> assertThat((Double) t.get("value")).isCloseTo(5.0 / 6, within(1e-12)));
        assertThatThrownBy(() -> neo4j.rows("CALL kgrec.recommend.popular.stream({excludeAttributes: ['nope:x']})",
                Map.of())).hasStackTraceContaining("unknown attribute type 'nope'");
    }
}
