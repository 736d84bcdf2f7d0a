package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The naive baseline over HTTP, checked against co-customer counts computed here from the raw interactions. */
class BaselineRecommendationsIT extends LoadedApplication {
    private static final String QUERY = """
            query B($c: ID!, $n: Int) { baselineRecommendations(customerId: $c, first: $n) {
              rank coCustomers item { id name } } }""";

    @Test
    @SuppressWarnings("unchecked")
    void ranks_the_items_of_co_customers_by_how_many_of_them_have_each() {
        GraphQlClient.Response r = client(FRONTEND).post(QUERY, Map.of("c", OWN_CUSTOMER, "n", 10));

        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        List<Map<String, Object>> rows = r.data("baselineRecommendations");
        List<Map.Entry<String, Integer>> expected = coCustomerCounts(OWN_CUSTOMER);
        assertThat(rows).hasSize(Math.min(10, expected.size())).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("rank")).isEqualTo(i + 1);
            assertThat(((Map<String, Object>) rows.get(i).get("item")).get("id")).isEqualTo(expected.get(i).getKey());
            assertThat(rows.get(i).get("coCustomers")).isEqualTo(expected.get(i).getValue());
        }
    }

    @Test
    void names_the_bad_argument_and_the_missing_customer() {
        GraphQlClient.Response tooMany = client(FRONTEND).post(QUERY, Map.of("c", OWN_CUSTOMER, "n", 101));
        GraphQlClient.Response unknown = client(FRONTEND).post(QUERY, Map.of("c", "no-such-customer", "n", 5));

        assertThat(tooMany.errorCode()).as(tooMany.text()).isEqualTo("BAD_REQUEST");
        assertThat(tooMany.text()).contains("first must be between 1 and 100, got 101");
        assertThat(unknown.errorCode()).as(unknown.text()).isEqualTo("NOT_FOUND");
    }

    /** Every interaction pair read from the graph, counted in plain Java: items ranked by co-customers, then id. */
    private List<Map.Entry<String, Integer>> coCustomerCounts(String customer) {
        Map<String, Set<String>> itemsOf = new HashMap<>();
        graph.driver().executableQuery("""
                MATCH (c:Customer)-[r]->(i:Item) WHERE type(r) IN ['PURCHASED', 'RATED', 'VIEWED', 'LISTENED',
                  'CLICKED', 'INTERACTED'] RETURN c.id AS c, i.id AS i""").execute().records()
                .forEach(rec -> itemsOf.computeIfAbsent(rec.get("c").asString(), k -> new HashSet<>())
                        .add(rec.get("i").asString()));
        Set<String> mine = itemsOf.getOrDefault(customer, Set.of());
        Map<String, Integer> counts = new HashMap<>();
        itemsOf.forEach((other, theirs) -> {
            if (!other.equals(customer) && theirs.stream().anyMatch(mine::contains)) {
                theirs.stream().filter(i -> !mine.contains(i)).forEach(i -> counts.merge(i, 1, Integer::sum));
            }
        });
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        return ranked;
    }
}
