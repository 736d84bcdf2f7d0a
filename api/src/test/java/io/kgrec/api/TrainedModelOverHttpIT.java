package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import io.kgrec.api.training.ModelTrainer;
import io.kgrec.api.training.TrainingWatch;
import io.kgrec.cypher.verify.PathVerifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After {@code kgrec train}, the API serves the trained model: every reason it returns exists in the graph, the parts
 * add up to the score, and the model version is the one just trained.
 */
class TrainedModelOverHttpIT extends LoadedApplication {
    private static final String RECOMMENDATIONS = """
            query ($customer: ID!) {
              recommendations(customerId: $customer, first: 10) {
                edges { node { score item { id }
                  reasons { kind contribution sentence nodes { kind id size } relationships { type direction } }
                  scoreTerms { name value } } }
              }
            }
            """;

    private static ModelTrainer.Trained trained;

    @BeforeEach
    void trainOnce() {
        synchronized (TrainedModelOverHttpIT.class) {
            if (trained == null) {
                trained = new ModelTrainer(graph).train(42, TrainingWatch.NONE);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void serves_explained_recommendations_from_the_trained_model() {
        assertThat(count("MATCH (m:Model {current: true}) RETURN m.version", Map.of())).isEqualTo(trained.version());
        PathVerifier verifier = new PathVerifier((q, p) -> graph.driver().executableQuery(q).withParameters(p)
                .execute().records().stream().map(r -> r.asMap()).toList());
        List<String> customers = graph.driver().executableQuery("""
                MATCH (c:Customer) WHERE COUNT { (c)-[:PURCHASED]->() } >= 5 RETURN c.id AS id ORDER BY id LIMIT 8
                """).execute().records().stream().map(r -> r.get("id").asString()).toList();
        int paths = 0;
        for (String customer : customers) {
            GraphQlClient.Response r = client(ANALYST).post(RECOMMENDATIONS, Map.of("customer", customer));
            assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
            List<Map<String, Object>> edges = r.data("recommendations", "edges");
            assertThat(edges).isNotEmpty();
            for (Map<String, Object> edge : edges) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                double sum = 0;
                for (Map<String, Object> reason : (List<Map<String, Object>>) node.get("reasons")) {
                    assertThat(verifier.problem(reason)).as("%s: %s", customer, reason).isNull();
                    sum += ((Number) reason.get("contribution")).doubleValue();
                    paths++;
                }
                assertThat((List<?>) node.get("reasons")).as("reasons of %s", node.get("item")).isNotEmpty();
                for (Map<String, Object> term : (List<Map<String, Object>>) node.get("scoreTerms")) {
                    sum += ((Number) term.get("value")).doubleValue();
                }
                assertThat(sum).isCloseTo(((Number) node.get("score")).doubleValue(), within(1e-9));
            }
        }
        assertThat(paths).isGreaterThanOrEqualTo(customers.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void similar_items_come_from_the_trained_model_with_paths_that_exist() {
        String item = graph.driver().executableQuery("""
                MATCH (i:Item)-[s:SIMILAR_TO]->() WITH i, count(s) AS n ORDER BY n DESC, i.id LIMIT 1 RETURN i.id AS id
                """).execute().records().get(0).get("id").asString();
        GraphQlClient.Response r = client(FRONTEND).post("""
                query ($item: ID!) { similarItems(itemId: $item, first: 5) { rank score modelVersion item { id }
                  reasons { kind contribution nodes { kind id size } relationships { type direction } } } }
                """, Map.of("item", item));
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        List<Map<String, Object>> similar = r.data("similarItems");
        assertThat(similar).isNotEmpty().allSatisfy(s -> assertThat(s.get("modelVersion"))
                .isEqualTo("model-" + trained.version()));
        PathVerifier verifier = new PathVerifier((q, p) -> graph.driver().executableQuery(q).withParameters(p)
                .execute().records().stream().map(rec -> rec.asMap()).toList());
        for (Map<String, Object> s : similar) {
            for (Map<String, Object> reason : (List<Map<String, Object>>) s.get("reasons")) {
                assertThat(verifier.problem(reason)).as("%s", reason).isNull();
            }
        }
    }

    @Test
    void session_recommendations_come_from_the_trained_model_with_paths_from_the_session_items() {
        List<String> session = graph.driver().executableQuery("""
                MATCH (i:Item)-[s:SIMILAR_TO]->() WITH i, count(s) AS n ORDER BY n DESC, i.id LIMIT 2 RETURN i.id AS id
                """).execute().records().stream().map(x -> x.get("id").asString()).toList();
        GraphQlClient.Response r = client(FRONTEND_OWN).post(SessionRecommendationsIT.SESSION, Map.of("items", session));
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        List<Map<String, Object>> answer = r.data("sessionRecommendations");

        assertThat(answer).isNotEmpty().allSatisfy(s -> assertThat(s.get("modelVersion"))
                .isEqualTo("model-" + trained.version()));
        PathVerifier verifier = new PathVerifier((q, p) -> graph.driver().executableQuery(q).withParameters(p)
                .execute().records().stream().map(rec -> rec.asMap()).toList());
        assertThat(SessionRecommendationsIT.checkPaths(answer, session, verifier)).isGreaterThanOrEqualTo(answer.size());
    }
}
