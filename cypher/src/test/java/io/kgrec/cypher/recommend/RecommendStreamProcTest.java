package io.kgrec.cypher.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.testing.InProcessNeo4j;
import io.kgrec.model.reason.NodeKind;
import io.kgrec.model.reason.PathKind;
import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ReasonPathMaps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecommendStreamProcTest {
    /**
     * c1 bought A and B; c2 bought A and C; c3 bought A, B and D. A and E are made by brand X; F has no relationship at all.
     * For c1, by hand:
     * D: via A (c3) 1/sqrt(3·1) + via B (c3) 1/sqrt(2·1) = 0.57735 + 0.70711 = 1.28446
     * C: via A (c2) 1/sqrt(3·1) = 0.57735
     * E: shares brand X with A: 0.02 · ln(6/2) / sqrt(2) = 0.015537 (6 items, 2 of them made by X)
     */
    private static final String GRAPH = """
            CREATE (c1:Customer {id:'c1'}), (c2:Customer {id:'c2'}), (c3:Customer {id:'c3'}),
                   (a:Item {id:'A', name:'Apple'}), (b:Item {id:'B', name:'Bread'}), (c:Item {id:'C', name:'Cheese'}),
                   (d:Item {id:'D', name:'Dates'}), (e:Item {id:'E', name:'Eggs'}), (f:Item {id:'F', name:'Figs'}),
                   (x:Entity:Brand {key:'brand:X', type:'brand', name:'X'}),
                   (c1)-[:PURCHASED]->(a), (c1)-[:PURCHASED]->(b),
                   (c2)-[:PURCHASED]->(a), (c2)-[:PURCHASED]->(c),
                   (c3)-[:PURCHASED]->(a), (c3)-[:PURCHASED]->(b), (c3)-[:PURCHASED]->(d),
                   (a)-[:MADE_BY]->(x), (e)-[:MADE_BY]->(x)
            """;

    private static InProcessNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start(RecommendStreamProc.class, ExplainStreamProc.class);
        neo4j.run(GRAPH);
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    private static List<Map<String, Object>> recommend(String customer, Map<String, Object> config) {
        return neo4j.rows("CALL kgrec.recommend.stream($c, $config)", Map.of("c", customer, "config", config));
    }

    @Test
    void ranks_items_by_the_sum_of_their_path_contributions() {
        List<Map<String, Object>> rows = recommend("c1", Map.of());

        assertThat(rows).extracting(r -> r.get("itemId")).containsExactly("D", "C", "E");
        assertThat((double) rows.get(0).get("score")).isCloseTo(1 / Math.sqrt(3) + 1 / Math.sqrt(2), within(1e-12));
        assertThat((double) rows.get(1).get("score")).isCloseTo(1 / Math.sqrt(3), within(1e-12));
        assertThat((double) rows.get(2).get("score")).isCloseTo(0.02 * Math.log(6.0 / 2) / Math.sqrt(2), within(1e-12));
        assertThat(rows).extracting(r -> r.get("rank")).containsExactly(1L, 2L, 3L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void collaborative_paths_show_other_customers_only_as_a_count() {
        Map<String, Object> dates = recommend("c1", Map.of()).get(0);
        List<ReasonPath> reasons = ((List<Map<String, Object>>) dates.get("reasons")).stream()
                .map(ReasonPathMaps::fromMap).toList();

        assertThat(reasons).hasSize(2).allMatch(p -> p.kind() == PathKind.COLLABORATIVE);
        ReasonPath strongest = reasons.get(0);
        assertThat(strongest.nodes()).extracting(n -> n.kind()).containsExactly(
                NodeKind.CUSTOMER, NodeKind.ITEM, NodeKind.CUSTOMER_GROUP, NodeKind.ITEM);
        assertThat(strongest.nodes().get(1).id()).isEqualTo("B");
        assertThat(strongest.nodes().get(2).size()).isEqualTo(1);
        assertThat(strongest.nodes().get(2).id()).isNull();
        assertThat(strongest.sentence()).isEqualTo(
                "You bought Bread, and 1 customer who bought it also bought Dates.");
        assertThat(dates.toString()).doesNotContain("c2").doesNotContain("c3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void attribute_paths_go_through_the_shared_entity() {
        Map<String, Object> eggs = recommend("c1", Map.of()).get(2);
        ReasonPath path = ReasonPathMaps.fromMap(((List<Map<String, Object>>) eggs.get("reasons")).get(0));

        assertThat(path.kind()).isEqualTo(PathKind.ATTRIBUTE);
        assertThat(path.nodes()).extracting(n -> n.id()).containsExactly("c1", "A", "brand:X", "E");
        assertThat(path.steps()).extracting(s -> s.type() + (s.forward() ? ">" : "<"))
                .containsExactly("PURCHASED>", "MADE_BY>", "MADE_BY<");
        assertThat(path.sentence()).isEqualTo("You bought Apple; Eggs shares its brand, X.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void returned_paths_plus_terms_add_up_to_the_score_when_paths_are_cut() {
        Map<String, Object> dates = recommend("c1", Map.of("maxReasons", 1)).get(0);
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) dates.get("reasons");
        List<Map<String, Object>> terms = (List<Map<String, Object>>) dates.get("terms");

        assertThat(reasons).hasSize(1);
        assertThat(terms).singleElement().satisfies(t -> assertThat(t.get("name")).isEqualTo("other_paths"));
        double sum = reasons.stream().mapToDouble(r -> (double) r.get("contribution")).sum()
                + terms.stream().mapToDouble(t -> (double) t.get("value")).sum();
        assertThat(sum).isCloseTo((double) dates.get("score"), within(1e-12));
        assertThat((double) terms.get(0).get("value")).isCloseTo(1 / Math.sqrt(3), within(1e-12));
    }

    @Test
    void does_not_follow_attributes_shared_by_more_items_than_the_limit() {
        assertThat(recommend("c1", Map.of("maxAttributeDegree", 1))).extracting(r -> r.get("itemId"))
                .containsExactly("D", "C");
    }

    @Test
    void never_recommends_what_the_customer_already_has() {
        assertThat(recommend("c3", Map.of())).extracting(r -> r.get("itemId")).doesNotContain("A", "B", "D");
    }

    @Test
    void explains_one_item_with_all_its_paths() {
        List<Map<String, Object>> rows = neo4j.rows("CALL kgrec.explain.stream('c1', 'D')", Map.of());

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat((List<?>) r.get("reasons")).hasSize(2);
            assertThat((List<?>) r.get("terms")).isEmpty();
        });
        assertThat(neo4j.rows("CALL kgrec.explain.stream('c1', 'F')", Map.of())).isEmpty();
    }

    @Test
    void rejects_unknown_customers_and_bad_configuration() {
        assertThatThrownBy(() -> recommend("nobody", Map.of())).hasStackTraceContaining("customer 'nobody' does not exist");
        assertThatThrownBy(() -> recommend("c1", Map.of("topK", 0))).hasStackTraceContaining("'topK' must be in [1, 1000]");
        assertThatThrownBy(() -> recommend("c1", Map.of("bogus", 1))).hasStackTraceContaining("unknown configuration key(s) [bogus]");
    }
}
