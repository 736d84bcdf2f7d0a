package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.api.auditlog.AuditLog;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A customer id the graph has not seen gets the non-personalised list, marked as cold start, and audited. */
class ColdStartIT extends LoadedApplication {
    private static final String QUERY = """
            query ($customer: ID!, $filter: RecommendationFilter) {
              recommendations(customerId: $customer, first: 5, filter: $filter) {
                listId coldStart kind
                edges { node { rank score modelVersion item { id } reasons { kind } scoreTerms { name value description } } }
              }
            }
            """;

    @Autowired
    AuditLog auditLog;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(GraphQlClient.Response r) {
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        return ((List<Map<String, Object>>) r.data("recommendations", "edges")).stream()
                .map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_unknown_customer_gets_the_popular_list_scored_by_named_popularity_terms() {
        GraphQlClient.Response r = client(FRONTEND).post(QUERY, Map.of("customer", "new-visitor-1"));
        List<Map<String, Object>> nodes = nodes(r);

        assertThat((Boolean) r.data("recommendations", "coldStart")).isTrue();
        assertThat((String) r.data("recommendations", "kind")).isEqualTo("UNKNOWN_CUSTOMER");
        assertThat(nodes).hasSize(5);
        for (Map<String, Object> n : nodes) {
            assertThat((List<?>) n.get("reasons")).isEmpty();
            List<Map<String, Object>> terms = (List<Map<String, Object>>) n.get("scoreTerms");
            assertThat(terms).extracting(t -> t.get("name")).contains("popularity_prior");
            assertThat(terms).allSatisfy(t -> assertThat((String) t.get("description")).isNotBlank());
            assertThat(terms.stream().mapToDouble(t -> ((Number) t.get("value")).doubleValue()).sum())
                    .isCloseTo(((Number) n.get("score")).doubleValue(), within(1e-9));
        }
        List<Object> again = nodes(client(FRONTEND).post(QUERY, Map.of("customer", "new-visitor-2"))).stream()
                .map(n -> ((Map<?, ?>) n.get("item")).get("id")).map(Object.class::cast).toList();
        List<Object> first = nodes.stream().map(n -> ((Map<?, ?>) n.get("item")).get("id")).map(Object.class::cast)
                .toList();
        assertThat(first).isEqualTo(again);
    }

    @Test
    void a_customer_with_history_gets_a_personalised_list() {
        GraphQlClient.Response r = client(FRONTEND_OWN).post(QUERY, Map.of("customer", OWN_CUSTOMER));

        assertThat(nodes(r)).isNotEmpty().allSatisfy(n -> assertThat((List<?>) n.get("reasons")).isNotEmpty());
        assertThat((Boolean) r.data("recommendations", "coldStart")).isFalse();
        assertThat((String) r.data("recommendations", "kind")).isEqualTo("PERSONALISED");
    }

    @Test
    void a_customer_who_opted_out_of_profiling_is_a_cold_start_too() {
        // the last customer by id: no other test uses it, and its consent is given back afterwards
        String customer = graph.driver().executableQuery("""
                MATCH (c:Customer) WHERE EXISTS { (c)-[:PURCHASED]->() } RETURN c.id AS id ORDER BY id DESC LIMIT 1
                """).execute().records().get(0).get("id").asString();
        assertThat((String) client(ANALYST).post(QUERY, Map.of("customer", customer))
                .data("recommendations", "kind")).isEqualTo("PERSONALISED");
        setOptOut(customer, true);
        try {
            GraphQlClient.Response r = client(ANALYST).post(QUERY, Map.of("customer", customer));

            assertThat(nodes(r)).isNotEmpty().allSatisfy(n -> assertThat((List<?>) n.get("reasons")).isEmpty());
            assertThat((String) r.data("recommendations", "kind")).isEqualTo("NO_HISTORY");
            assertThat((Boolean) r.data("recommendations", "coldStart")).isTrue();
        } finally {
            setOptOut(customer, false);
        }
    }

    private void setOptOut(String customer, boolean optOut) {
        GraphQlClient.Response r = client(ADMIN).post("""
                mutation ($c: ID!, $o: Boolean!) { setProfilingConsent(customerId: $c, optOut: $o) { profilingOptOut } }
                """, Map.of("c", customer, "o", optOut));
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_cold_start_list_is_in_the_audit_log() {
        GraphQlClient.Response r = client(FRONTEND).post(QUERY, Map.of("customer", "new-visitor-audited"));
        String listId = r.data("recommendations", "listId");
        List<Object> served = nodes(r).stream().map(n -> ((Map<?, ?>) n.get("item")).get("id"))
                .map(Object.class::cast).toList();

        auditLog.flush();

        Map<String, Object> logged = graph.driver().executableQuery("""
                MATCH (l:ServedList {id: $id}) RETURN l.customerId AS customer, l.items AS items, l.reasons AS reasons
                """).withParameters(Map.of("id", listId)).execute().records().get(0).asMap();
        assertThat(logged.get("customer")).isEqualTo("new-visitor-audited");
        assertThat((List<Object>) logged.get("items")).isEqualTo(served);
        assertThat((String) logged.get("reasons")).contains("popularity_prior");
    }

    @Test
    void a_key_scoped_to_one_customer_may_not_ask_for_an_unknown_one() {
        GraphQlClient.Response r = client(FRONTEND_OWN).post(QUERY, Map.of("customer", "new-visitor-3"));

        assertThat(r.errorCode()).as(r.text()).isEqualTo("FORBIDDEN");
    }

    @Test
    void the_cold_start_list_checks_its_filters_too() {
        GraphQlClient.Response r = client(FRONTEND).post(QUERY, Map.of("customer", "new-visitor-4",
                "filter", Map.of("includeAttributes", List.of("department:NOPE"))));

        assertThat(r.errorCode()).as(r.text()).isEqualTo("BAD_REQUEST");
        assertThat(r.text()).contains("unknown department 'department:NOPE'");
    }
}
