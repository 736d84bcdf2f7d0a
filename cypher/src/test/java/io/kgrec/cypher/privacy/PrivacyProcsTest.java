package io.kgrec.cypher.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.recommend.ExplainStreamProc;
import io.kgrec.cypher.recommend.RecommendStreamProc;
import io.kgrec.cypher.testing.InProcessNeo4j;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consent and erasure. u-7731 bought A and E (nobody else has E); v bought C and D; o1..o5 bought A and B, o1 and o2
 * also C. Popularity by interactions per customer (7 customers): A 6, B 5, C 3, D 1, E 1.
 */
class PrivacyProcsTest {
    private static final String U = "u-7731";
    private static final String GRAPH = """
            CREATE (u:Customer {id: 'u-7731', segment: 'loyal'}), (v:Customer {id: 'v'}),
                   (a:Item {id: 'A'}), (b:Item {id: 'B', kgrecPopularity: 0.5}), (c:Item {id: 'C'}),
                   (d:Item {id: 'D'}), (e:Item {id: 'E', kgrecPopularity: 0.1}),
                   (u)-[:PURCHASED]->(a), (u)-[:PURCHASED]->(e), (v)-[:PURCHASED]->(c), (v)-[:PURCHASED]->(d),
                   (m:Model {version: 1, current: false}),
                   (e)-[:SIMILAR_TO {model: 1, weight: 0.3}]->(b), (b)-[:SIMILAR_TO {model: 1, weight: 0.2}]->(e),
                   (s:Segment {key: 'v1:segment=loyal'})-[:FAVOURS {share: 0.2}]->(e),
                   (burst:Anomaly {key: 'BURST:u-7731', members: 1}),
                   (push:Anomaly {key: 'PUSH_GROUP:A', members: 2}),
                   (u)-[:FLAGGED {status: 'open', scope: 'customer'}]->(burst),
                   (u)-[:FLAGGED {status: 'open', scope: 'customer'}]->(push),
                   (u)-[:SHOWN {at: 1}]->(b),
                   (:ServedList {id: 'l1', customerId: 'u-7731', items: ['B'], reasons: '[{"customer":"u-7731"}]'}),
                   (:ServedList {id: 'l2', customerId: 'v', items: ['A']})
            WITH a, c, push
            UNWIND range(1, 5) AS n
            CREATE (o:Customer {id: 'o' + n})-[:PURCHASED]->(a), (o)-[:PURCHASED]->(:Item {id: 'B' + n})
            WITH o, n, c, push
            CALL (o, n, c, push) {
              WITH o, n, c, push WHERE n <= 2
              CREATE (o)-[:PURCHASED]->(c)
              WITH o, n, push WHERE n = 1
              CREATE (o)-[:FLAGGED {status: 'open', scope: 'customer'}]->(push)
            }
            """;

    private static InProcessNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start(RecommendStreamProc.class, ExplainStreamProc.class, PrivacyProcs.class);
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @BeforeEach
    void graph() {
        neo4j.clear();
        neo4j.run(GRAPH);
        // Everyone who bought "B<n>" bought the same B: merge them so B has five buyers.
        neo4j.run("""
                MATCH (b:Item {id: 'B'}), (o:Customer)-[r:PURCHASED]->(bn:Item) WHERE bn.id STARTS WITH 'B' AND bn <> b
                CREATE (o)-[:PURCHASED]->(b) DELETE r, bn
                """);
    }

    private static List<Map<String, Object>> recommend(String customer) {
        return neo4j.rows("CALL kgrec.recommend.stream($c, {topK: 10}) YIELD itemId, score RETURN itemId, score",
                Map.of("c", customer));
    }

    private static void consent(String customer, boolean optOut) {
        neo4j.rows("CALL kgrec.privacy.consent($c, $o)", Map.of("c", customer, "o", optOut));
    }

    @Test
    void opted_out_customers_with_different_histories_get_the_same_popular_items() {
        List<Map<String, Object>> personal = recommend(U);
        consent(U, true);
        consent("v", true);

        List<Map<String, Object>> u = recommend(U);
        assertThat(u).isEqualTo(recommend("v")).isNotEqualTo(personal);
        assertThat(u).extracting(r -> r.get("itemId")).containsExactly("A", "B", "C", "D", "E");
        assertThat((Double) u.get(0).get("score")).isCloseTo(6.0 / 7, within(1e-12));
    }

    @Test
    void an_opted_out_customer_is_explained_by_popularity_alone() {
        consent(U, true);

        Map<String, Object> b = neo4j.rows("CALL kgrec.explain.stream($c, 'B')", Map.of("c", U)).get(0);
        assertThat((List<?>) b.get("reasons")).isEmpty();
        assertThat((Double) b.get("score")).isCloseTo(5.0 / 7, within(1e-12));
    }

    @Test
    void opting_back_in_restores_personalised_recommendations() {
        List<Map<String, Object>> personal = recommend(U);
        consent(U, true);
        consent(U, false);

        assertThat(recommend(U)).isEqualTo(personal);
        assertThat(personal).extracting(r -> r.get("itemId")).doesNotContain("A", "E");
    }

    @Test
    void opting_out_removes_the_profile_and_affinities_at_once() {
        neo4j.run("""
                MATCH (u:Customer {id: 'u-7731'}), (a:Item {id: 'A'})
                SET u.recencyDays = 3, u.frequency = 2, u.monetary = 9.5, u.activityLevel = 'active',
                    u.profiledAt = 1514777545
                CREATE (u)-[:HAS_AFFINITY {type: 'department', share: 0.5, rank: 1}]->(:Entity {key: 'department:X'})
                """);

        consent(U, true);

        assertThat(neo4j.rows("""
                MATCH (u:Customer {id: $u})
                RETURN [k IN ['recencyDays', 'frequency', 'monetary', 'activityLevel', 'segment', 'profiledAt']
                        WHERE u[k] IS NOT NULL] AS left, COUNT { (u)-[:HAS_AFFINITY]->() } AS affinities,
                       u.profilingOptOut AS optedOut
                """, Map.of("u", U))).containsExactly(Map.of("left", List.of(), "affinities", 0L, "optedOut", true));
    }

    @Test
    void consent_for_an_unknown_customer_is_an_error_naming_it() {
        assertThatThrownBy(() -> consent("nobody", true)).hasMessageContaining("customer 'nobody' does not exist");
        assertThatThrownBy(() -> neo4j.rows("CALL kgrec.privacy.erase('nobody')", Map.of()))
                .hasMessageContaining("customer 'nobody' does not exist");
    }

    @Test
    void erasure_reports_what_it_removed() {
        Map<String, Object> report = neo4j.rows("CALL kgrec.privacy.erase($c)", Map.of("c", U)).get(0);

        assertThat(report).containsEntry("interactions", 2L).containsEntry("impressions", 1L)
                .containsEntry("flags", 2L).containsEntry("anomalies", 1L).containsEntry("servedLists", 1L)
                .containsEntry("itemsOnlyTheirs", 1L).containsEntry("modelState", 4L); // 2 SIMILAR_TO, FAVOURS, popularity
        assertThat(neo4j.rows("MATCH (a:Anomaly {key: 'PUSH_GROUP:A'}) RETURN a.members AS m", Map.of()))
                .containsExactly(Map.of("m", 1L));
        assertThat(neo4j.rows("MATCH (m:Model) RETURN m.revision AS r", Map.of())).containsExactly(Map.of("r", 1L));
        assertThat(neo4j.rows("MATCH (b:Item {id: 'B'}) RETURN b.kgrecPopularity AS p", Map.of()))
                .containsExactly(Map.of("p", 0.5));
        assertThat(neo4j.rows("MATCH (:ServedList {customerId: 'v'}) RETURN count(*) AS n", Map.of()))
                .containsExactly(Map.of("n", 1L));
    }

    @Test
    void after_erasure_no_node_or_relationship_anywhere_holds_the_customer() {
        assertThat(traces()).isPositive();

        neo4j.rows("CALL kgrec.privacy.erase($c)", Map.of("c", U));

        assertThat(traces()).isZero();
        assertThat(neo4j.rows("MATCH (e:Item {id: 'E'}) RETURN COUNT { (e)--() } AS links, e.kgrecPopularity AS p",
                Map.of())).containsExactly(java.util.Collections.unmodifiableMap(new java.util.HashMap<>() {
                    {
                        put("links", 0L);
                        put("p", null);
                    }
                }));
    }

    /** Property values, anywhere in the store, that contain the customer's id (as text or in a list). */
    private static long traces() {
        String scan = """
                CALL () { MATCH (n) RETURN properties(n) AS p UNION ALL MATCH ()-[r]->() RETURN properties(r) AS p }
                UNWIND keys(p) AS k
                WITH p[k] AS v
                WHERE (v IS :: STRING AND v CONTAINS $id)
                   OR (v IS :: LIST<ANY> AND any(x IN v WHERE toString(x) CONTAINS $id))
                RETURN count(*) AS n
                """;
        return (Long) neo4j.rows(scan, Map.of("id", U)).get(0).get("n");
    }
}
