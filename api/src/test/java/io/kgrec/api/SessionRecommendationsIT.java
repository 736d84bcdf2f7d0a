package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import io.kgrec.cypher.verify.PathVerifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recommendations for an anonymous visit, from the items of the session, with paths that start at them. */
class SessionRecommendationsIT extends LoadedApplication {
    static final String SESSION = """
            query ($items: [ID!]!, $filter: RecommendationFilter) {
              sessionRecommendations(itemIds: $items, first: 10, filter: $filter) {
                rank score modelVersion item { id }
                reasons { kind contribution sentence nodes { kind id size } relationships { type direction } }
                scoreTerms { name value }
              }
            }
            """;

    /** The items bought by most customers, a visit's likely first clicks. */
    List<String> popularItems(int n) {
        return graph.driver().executableQuery("""
                MATCH (i:Item)<-[:PURCHASED]-(c) WITH i, count(c) AS n ORDER BY n DESC, i.id LIMIT $n RETURN i.id AS id
                """).withParameters(Map.of("n", n)).execute().records().stream().map(r -> r.get("id").asString())
                .toList();
    }

    /** Checks every answer's paths against the graph; returns how many paths it checked. */
    @SuppressWarnings("unchecked")
    static int checkPaths(List<Map<String, Object>> answer, List<String> session, PathVerifier verifier) {
        int paths = 0;
        for (Map<String, Object> s : answer) {
            assertThat(((Map<String, Object>) s.get("item")).get("id")).isNotIn(session.toArray());
            double sum = 0;
            for (Map<String, Object> reason : (List<Map<String, Object>>) s.get("reasons")) {
                List<Map<String, Object>> nodes = (List<Map<String, Object>>) reason.get("nodes");
                assertThat(nodes.get(0).get("kind")).isEqualTo("ITEM");
                assertThat(nodes.get(0).get("id")).isIn(session.toArray());
                assertThat(verifier.problem(reason)).as("%s", reason).isNull();
                sum += ((Number) reason.get("contribution")).doubleValue();
                paths++;
            }
            for (Map<String, Object> term : (List<Map<String, Object>>) s.get("scoreTerms")) {
                sum += ((Number) term.get("value")).doubleValue();
            }
            assertThat(sum).isCloseTo(((Number) s.get("score")).doubleValue(), within(1e-9));
        }
        return paths;
    }

    @Test
    void recommends_from_the_session_items_with_paths_that_start_at_them_and_exist() {
        List<String> session = popularItems(2);
        GraphQlClient.Response r = client(FRONTEND_OWN).post(SESSION, Map.of("items", session));
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        List<Map<String, Object>> answer = r.data("sessionRecommendations");

        assertThat(answer).hasSize(10);
        PathVerifier verifier = new PathVerifier((q, p) -> graph.driver().executableQuery(q).withParameters(p)
                .execute().records().stream().map(x -> x.asMap()).toList());
        assertThat(checkPaths(answer, session, verifier)).isGreaterThanOrEqualTo(answer.size());
    }

    @Test
    void names_the_session_items_the_graph_does_not_have() {
        GraphQlClient.Response r = client(FRONTEND).post(SESSION, Map.of("items",
                List.of(popularItems(1).get(0), "no-such-item", "nor-this")));

        assertThat(r.errorCode()).as(r.text()).isEqualTo("BAD_REQUEST");
        assertThat(r.text()).contains("unknown item id(s) in itemIds: no-such-item, nor-this");
    }

    @Test
    void refuses_to_recommend_the_session_items_back() {
        GraphQlClient.Response r = client(FRONTEND).post(SESSION, Map.of("items", popularItems(1),
                "filter", Map.of("excludeInteracted", false)));

        assertThat(r.errorCode()).as(r.text()).isEqualTo("BAD_REQUEST");
        assertThat(r.text()).contains("a session's own items are never recommended");
    }
}
