package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.safety.RequestSizeLimit;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile documents, one per row: each gets a clear error with a fixed code and no internals, and none of them
 * changes the graph.
 */
class HostileInputIT extends LoadedApplication {

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("deep nesting through introspection", body("{ __schema { types { " + "fields { type { ".repeat(8)
                        + "name" + " } }".repeat(8) + " } } }"), 200, "BAD_REQUEST"),
                Arguments.of("alias bomb", body("{ " + aliases(300) + " }"), 200, "BAD_REQUEST"),
                Arguments.of("800 aliases of one's own recommendations", body("{ " + IntStream.range(0, 800)
                        .mapToObj(i -> "a" + i + ": recommendations(customerId: \\\"19\\\") { listId }")
                        .collect(Collectors.joining(" ")) + " }"), 200, "BAD_REQUEST"),
                Arguments.of("alias bomb through a fragment", body("{ " + fragmentAliases(20)
                        + " } fragment Page on RecommendationConnection { edges { node { item { id } } } }"),
                        200, "BAD_REQUEST"),
                Arguments.of("fragments spreading fragments", body(fragmentBomb()), 200, "BAD_REQUEST"),
                Arguments.of("huge first", body("{ recommendations(customerId: \\\"19\\\", first: 1000000) { edges { cursor } } }"),
                        200, "BAD_REQUEST"),
                Arguments.of("negative first", body("{ recommendations(customerId: \\\"19\\\", first: -5) { edges { cursor } } }"),
                        200, "BAD_REQUEST"),
                Arguments.of("forged cursor", body("{ recommendations(customerId: \\\"19\\\", after: \\\"'; DROP\\\") { edges { cursor } } }"),
                        200, "BAD_REQUEST"),
                Arguments.of("Cypher injection in an id", body("{ explain(customerId: \\\"19' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //\\\", itemId: \\\"1029743\\\") { score } }"),
                        200, "NOT_FOUND"),
                Arguments.of("Cypher injection in a map", body("{ explain(customerId: \\\"19\\\", itemId: \\\"x\\\\\\\"}) DETACH DELETE n //\\\") { score } }"),
                        200, "NOT_FOUND"),
                Arguments.of("unknown customer", body("{ customer(id: \\\"no-such-customer\\\") { id } explain(customerId: \\\"no-such-customer\\\", itemId: \\\"1029743\\\") { score } }"),
                        200, "NOT_FOUND"),
                Arguments.of("syntax error", body("{ recommendations(customerId: "), 200, "BAD_REQUEST"),
                Arguments.of("unknown field", body("{ password }"), 200, "BAD_REQUEST"),
                Arguments.of("malformed JSON", "{\"query\": \"{ item(id: 1) { id } }\"", 400, null),
                Arguments.of("a body of null", "null", 400, "BAD_REQUEST"),
                Arguments.of("a body that is an array", "[{\"query\": \"{ item(id: 1) { id } }\"}]", 400,
                        "BAD_REQUEST"),
                Arguments.of("a query that is not a string", "{\"query\": 42}", 400, "BAD_REQUEST"),
                Arguments.of("an object as an ID", withId("{\"a\": 1}"), 200, "BAD_REQUEST"),
                Arguments.of("an array as an ID", withId("[\"19\"]"), 200, "BAD_REQUEST"),
                Arguments.of("a boolean as an ID", withId("true"), 200, "BAD_REQUEST"),
                Arguments.of("a boolean literal as an ID", body("{ customer(id: true) { id } }"), 200, "BAD_REQUEST"),
                Arguments.of("oversized body", body("{ item(id: \\\"" + "x".repeat(RequestSizeLimit.MAX_BYTES) + "\\\") { id } }"),
                        413, "BAD_REQUEST"));
    }

    /** {@code customer(id: $id)} with this JSON as the variable. */
    private static String withId(String json) {
        return "{\"query\": \"query ($id: ID!) { customer(id: $id) { id } }\", \"variables\": {\"id\": " + json
                + "}}";
    }

    private static String body(String query) {
        return "{\"query\": \"" + query + "\"}";
    }

    private static String aliases(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("a").append(i).append(": recommendations(customerId: \\\"19\\\", first: 100) { edges { node { score } } } ");
        }
        return sb.toString();
    }

    /** Twenty pages of a hundred, within the cap on `first`; only the complexity limit can refuse them. */
    private static String fragmentAliases(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("a").append(i).append(": recommendations(customerId: \\\"19\\\", first: 100) { ...Page } ");
        }
        return sb.toString();
    }

    /** Each fragment selects the next ten times over: 10^4 fields from a few hundred bytes. */
    private static String fragmentBomb() {
        String[][] levels = {{"Connection", "RecommendationConnection", "edges { ...Edge }"},
                {"Edge", "RecommendationEdge", "node { ...Recommendation }"},
                {"Recommendation", "Recommendation", "reasons { ...Reason }"}, {"Reason", "Reason", "nodes { id }"}};
        StringBuilder sb = new StringBuilder("{ recommendations(customerId: \\\"19\\\", first: 1) { ...Connection } }");
        for (String[] level : levels) {
            sb.append(" fragment ").append(level[0]).append(" on ").append(level[1]).append(" {");
            for (int i = 0; i < 10; i++) {
                sb.append(" a").append(i).append(": ").append(level[2]);
            }
            sb.append(" }");
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void gets_a_coded_error_and_leaves_the_graph_alone(String name, String body, int status, String code) {
        long nodesBefore = count("MATCH (n) RETURN count(n)", Map.of());
        long relsBefore = count("MATCH ()-[r]->() RETURN count(r)", Map.of());

        GraphQlClient.Response r = client(ADMIN).postRaw(body);

        assertThat(r.status()).as(r.text()).isEqualTo(status);
        if (code != null) {
            assertThat(r.errorCode()).as(r.text()).isEqualTo(code);
        }
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.neo4j")
                .doesNotContain("io.kgrec");
        assertThat(count("MATCH (n) RETURN count(n)", Map.of())).isEqualTo(nodesBefore);
        assertThat(count("MATCH ()-[r]->() RETURN count(r)", Map.of())).isEqualTo(relsBefore);
    }
}
