package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import io.kgrec.cypher.verify.PathVerifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The whole path, for real: the application starts with its embedded Neo4j, a fixture is loaded through the loader,
 * GraphQL is called over HTTP, and every reason path that comes back is checked against the graph with Cypher.
 */
class RecommendationsOverHttpIT extends LoadedApplication {
    private static final String RECOMMENDATIONS = """
            query ($customer: ID!, $first: Int, $after: String) {
              recommendations(customerId: $customer, first: $first, after: $after) {
                edges { cursor node { rank score item { id name }
                  reasons { kind contribution sentence nodes { kind id labels name size } relationships { type direction } }
                  scoreTerms { name value description } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

    private GraphQlClient client;

    @BeforeEach
    void client() {
        client = client(ANALYST);
    }

    private List<String> customersWithHistory() {
        return graph.driver().executableQuery("""
                MATCH (c:Customer) WHERE COUNT { (c)-[:PURCHASED]->() } >= 5 RETURN c.id AS id ORDER BY id LIMIT 8
                """).execute().records().stream().map(r -> r.get("id").asString()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_returned_reason_path_exists_in_the_graph_and_adds_up_to_the_score() {
        PathVerifier verifier = new PathVerifier((q, p) -> graph.driver().executableQuery(q).withParameters(p).execute()
                .records().stream().map(r -> r.asMap()).toList());
        List<String> customers = customersWithHistory();
        assertThat(customers).hasSize(8);
        int checked = 0;
        for (String customer : customers) {
            var response = client.post(RECOMMENDATIONS, Map.of("customer", customer, "first", 10));
            assertThat(response.json()).doesNotContainKey("errors");
            List<Map<String, Object>> edges = response.data("recommendations", "edges");
            assertThat(edges).as("recommendations for %s", customer).hasSize(10);
            for (Map<String, Object> edge : edges) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                List<Map<String, Object>> reasons = (List<Map<String, Object>>) node.get("reasons");
                assertThat(reasons).isNotEmpty();
                double sum = 0;
                for (Map<String, Object> reason : reasons) {
                    assertThat(verifier.problem(reason)).as("%s → %s: %s", customer, node.get("item"), reason)
                            .isNull();
                    assertThat((List<Map<String, Object>>) reason.get("nodes")).first()
                            .satisfies(n -> assertThat(n.get("id")).isEqualTo(customer));
                    sum += ((Number) reason.get("contribution")).doubleValue();
                    checked++;
                }
                for (Map<String, Object> term : (List<Map<String, Object>>) node.get("scoreTerms")) {
                    sum += ((Number) term.get("value")).doubleValue();
                }
                assertThat(sum).isCloseTo(((Number) node.get("score")).doubleValue(), within(1e-9));
            }
        }
        assertThat(checked).isGreaterThan(80);
    }

    @Test
    void never_recommends_an_item_the_customer_already_bought() {
        for (String customer : customersWithHistory()) {
            var response = client.post(RECOMMENDATIONS, Map.of("customer", customer, "first", 10));
            List<Map<String, Object>> edges = response.data("recommendations", "edges");
            for (Map<String, Object> edge : edges) {
                @SuppressWarnings("unchecked")
                String item = (String) ((Map<String, Object>) ((Map<String, Object>) edge.get("node")).get("item")).get("id");
                long bought = graph.driver().executableQuery(
                        "MATCH (:Customer {id: $c})-[r]->(:Item {id: $i}) RETURN count(r) AS n")
                        .withParameters(Map.of("c", customer, "i", item)).execute().records().get(0).get("n").asLong();
                assertThat(bought).as("%s already has %s", customer, item).isZero();
            }
        }
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats() {
        String customer = customersWithHistory().get(0);
        var all = client.post(RECOMMENDATIONS, Map.of("customer", customer, "first", 6));
        var first = client.post(RECOMMENDATIONS, Map.of("customer", customer, "first", 3));
        String cursor = first.data("recommendations", "pageInfo", "endCursor");
        var second = client.post(RECOMMENDATIONS, Map.of("customer", customer, "first", 3, "after", cursor));

        List<Object> whole = ranks(all.data("recommendations", "edges"));
        List<Object> paged = new java.util.ArrayList<>(ranks(first.data("recommendations", "edges")));
        paged.addAll(ranks(second.data("recommendations", "edges")));
        assertThat(paged).isEqualTo(whole).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat((Boolean) first.data("recommendations", "pageInfo", "hasNextPage")).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ranks(List<Map<String, Object>> edges) {
        return edges.stream().map(e -> ((Map<String, Object>) e.get("node")).get("rank")).toList();
    }

    @Test
    void bad_arguments_get_coded_errors_without_internals() {
        // an unknown customer is no error: it gets the cold-start list (ColdStartIT)

        var tooMany = client.post(RECOMMENDATIONS, Map.of("customer", "1", "first", 5000));
        assertThat(tooMany.text()).contains("\"code\":\"BAD_REQUEST\"").doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void customer_and_item_show_what_the_graph_holds() {
        String customer = customersWithHistory().get(0);
        var response = client.post("""
                query ($id: ID!) { customer(id: $id) { id interactionCount attributes { key value }
                  profile { segment activityLevel frequency recencyDays affinities { type share rank entity { id } } }
                  interactions(first: 3) { edges { cursor node {
                    item { id name attributes { relationship target { id labels } } } type raw lastAt } }
                    pageInfo { hasNextPage endCursor } } } }
                """, Map.of("id", customer));
        Map<String, Object> c = response.data("customer");
        long purchases = graph.driver().executableQuery("MATCH (:Customer {id:$c})-[r:PURCHASED]->() RETURN count(r) AS n")
                .withParameters(Map.of("c", customer)).execute().records().get(0).get("n").asLong();
        assertThat(((Number) c.get("interactionCount")).longValue()).isEqualTo(purchases);
        assertThat((List<Map<String, Object>>) c.get("attributes")).extracting(a -> a.get("key")).contains("income", "age");
        Map<String, Object> interactions = (Map<String, Object>) c.get("interactions");
        List<Map<String, Object>> history = ((List<Map<String, Object>>) interactions.get("edges")).stream()
                .map(e -> (Map<String, Object>) e.get("node")).toList();
        assertThat(history).hasSize(3).allSatisfy(h -> assertThat(h.get("type")).isEqualTo("PURCHASED"));
        assertThat((Map<String, Object>) interactions.get("pageInfo")).containsEntry("hasNextPage", purchases > 3);
        Map<String, Object> item = (Map<String, Object>) history.get(0).get("item");
        assertThat((List<Map<String, Object>>) item.get("attributes")).extracting(a -> a.get("relationship"))
                .contains("IN_DEPARTMENT", "HAS_BRAND");

        Map<String, Object> profile = (Map<String, Object>) c.get("profile");
        Map<String, Object> stored = graph.driver().executableQuery(
                "MATCH (c:Customer {id: $c}) RETURN c.segment AS segment, c.activityLevel AS activity")
                .withParameters(Map.of("c", customer)).execute().records().get(0).asMap();
        assertThat(profile.get("segment")).isEqualTo(stored.get("segment")).isNotNull();
        assertThat(profile.get("activityLevel")).isEqualTo(stored.get("activity"));
        List<Map<String, Object>> affinities = (List<Map<String, Object>>) profile.get("affinities");
        assertThat(affinities).isNotEmpty().allSatisfy(a -> assertThat(((Number) a.get("share")).doubleValue())
                .isBetween(0.0, 1.0));

        Map<String, Object> data = (Map<String, Object>) client.post("{ item(id: \"nope\") { id } }", Map.of()).json()
                .get("data");
        assertThat(data).containsEntry("item", null);
    }

    @Test
    void an_outside_driver_sees_the_loaded_graph_over_bolt() {
        String bolt = graph.embedded().orElseThrow().boltAddress();
        try (Driver outside = GraphDatabase.driver("bolt://" + bolt, AuthTokens.none())) {
            long purchases = outside.executableQuery("MATCH (:Customer)-[r:PURCHASED]->(:Item) RETURN count(r) AS n")
                    .execute().records().get(0).get("n").asLong();
            assertThat(purchases).isEqualTo(fixture().interactions()).isPositive();
        }
    }
}
