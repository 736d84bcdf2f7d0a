package io.kgrec.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code customers}, the list behind the reviewers' page chooser, over HTTP on the Complete Journey fixture. */
class CustomerListIT extends LoadedApplication {
    private static final String PAGE = """
            query($search: String, $first: Int, $after: String) {
              customers(search: $search, first: $first, after: $after) {
                edges { cursor node { id interactionCount } } pageInfo { hasNextPage endCursor } } }
            """;

    @Test
    @SuppressWarnings("unchecked")
    void pages_through_every_customer_in_id_order_exactly_once() {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> vars = new HashMap<>();
            vars.put("first", 7);
            vars.put("after", after);
            GraphQlClient.Response r = client(ANALYST).post(PAGE, vars);
            assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
            Map<String, Object> page = r.data("customers");
            List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
            assertThat(edges).hasSizeLessThanOrEqualTo(7);
            edges.forEach(e -> ids.add((String) ((Map<String, Object>) e.get("node")).get("id")));
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            after = (Boolean) info.get("hasNextPage") ? (String) info.get("endCursor") : null;
        } while (after != null);

        List<String> all = graph.driver().executableQuery("MATCH (c:Customer) RETURN c.id AS id ORDER BY id").execute()
                .records().stream().map(r -> r.get("id").asString()).toList();
        assertThat(ids).isEqualTo(all).hasSizeGreaterThan(7);
    }

    @Test
    @SuppressWarnings("unchecked")
    void search_keeps_the_customers_whose_id_starts_with_it_with_their_interaction_counts() {
        GraphQlClient.Response r = client(REVIEWER).post(PAGE, Map.of("search", OWN_CUSTOMER, "first", 100));
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        List<Map<String, Object>> nodes = ((List<Map<String, Object>>) ((Map<String, Object>) r.data("customers"))
                .get("edges")).stream().map(e -> (Map<String, Object>) e.get("node")).toList();
        long expected = count("MATCH (c:Customer) WHERE c.id STARTS WITH $p RETURN count(c)", Map.of("p", OWN_CUSTOMER));
        assertThat(nodes).hasSize((int) expected).extracting(n -> (String) n.get("id")).contains(OWN_CUSTOMER)
                .allMatch(id -> id.startsWith(OWN_CUSTOMER));
        long own = count("MATCH (:Customer {id: $id})-[r]->(:Item) RETURN count(r)", Map.of("id", OWN_CUSTOMER));
        assertThat(nodes).filteredOn(n -> n.get("id").equals(OWN_CUSTOMER)).singleElement()
                .satisfies(n -> assertThat(((Number) n.get("interactionCount")).longValue()).isEqualTo(own));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{ customers(first: 0) { edges { cursor } } }|first must be between 1 and 100, got 0",
            "{ customers(first: 101) { edges { cursor } } }|first must be between 1 and 100, got 101",
            "{ customers(after: \"bm90LWEtY3Vyc29y\") { edges { cursor } } }|is not a cursor returned by this API",
    })
    void refuses_bad_arguments_naming_them(String query, String message) {
        GraphQlClient.Response r = client(ADMIN).post(query, Map.of());
        assertThat(r.errorCode()).as(r.text()).isEqualTo("BAD_REQUEST");
        assertThat(r.text()).contains(message);
    }

    @Test
    void refuses_a_search_longer_than_100_characters() {
        GraphQlClient.Response r = client(ADMIN).post(PAGE, Map.of("search", "9".repeat(101)));
        assertThat(r.errorCode()).as(r.text()).isEqualTo("BAD_REQUEST");
        assertThat(r.text()).contains("search must have at most 100 characters, got 101");
    }
}
