package io.kgrec.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.auditlog.AuditLog;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Consent, erasure and the audit log over HTTP. Each test works on customers it creates through the feedback
 * mutation, so the shared fixture stays as other tests expect it.
 */
class PrivacyIT extends LoadedApplication {
    private static final String RECOMMENDATIONS = """
            query ($c: ID!) { recommendations(customerId: $c, first: 10) { listId edges { node { score item { id } } } } }
            """;
    private static final String BUY = """
            mutation ($c: ID!, $i: ID!) { recordInteraction(customerId: $c, itemId: $i, type: PURCHASED) { count } }
            """;
    private static final String CONSENT = """
            mutation ($c: ID!, $o: Boolean!) { setProfilingConsent(customerId: $c, optOut: $o) { customerId profilingOptOut } }
            """;
    private static final String BASELINE = """
            query ($c: ID!) { baselineRecommendations(customerId: $c, first: 10) { rank item { id } } }
            """;
    private static final String PROFILE = "query ($c: ID!) { customer(id: $c) { id profile { segment profiledAt } } }";
    private static final String ERASE = """
            mutation ($c: ID!) { eraseCustomer(customerId: $c) {
              customerId interactions impressions servedLists itemsOnlyTheirs } }
            """;
    private static final String SERVED = """
            query ($c: ID, $i: ID, $from: String) { servedRecommendations(customerId: $c, itemId: $i, from: $from, first: 50) {
              edges { node { id customerId caller modelVersion items { rank itemId score reasons { contribution sentence } } } } } }
            """;

    @Autowired
    private AuditLog auditLog;

    private List<String> itemsBoughtBy(String customer, int n) {
        return graph.driver().executableQuery("""
                MATCH (:Customer {id: $c})-[:PURCHASED]->(i:Item) RETURN i.id AS id ORDER BY id LIMIT $n
                """).withParameters(Map.of("c", customer, "n", n)).execute().records().stream()
                .map(r -> r.get("id").asString()).toList();
    }

    private void buy(GraphQlClient client, String customer, List<String> items) {
        for (String item : items) {
            GraphQlClient.Response r = client.post(BUY, Map.of("c", customer, "i", item));
            assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> served(GraphQlClient client, String customer) {
        GraphQlClient.Response r = client.post(RECOMMENDATIONS, Map.of("c", customer));
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        return ((List<Map<String, Object>>) r.data("recommendations", "edges")).stream()
                .map(e -> (Object) e.get("node")).toList();
    }

    @Test
    void customers_who_opt_out_get_the_same_list_whatever_their_history() {
        GraphQlClient frontend = client(FRONTEND);
        buy(frontend, "privacy-p1", itemsBoughtBy(OWN_CUSTOMER, 5));
        buy(frontend, "privacy-p2", itemsBoughtBy(OTHER_CUSTOMER, 5));
        List<Object> personal1 = served(frontend, "privacy-p1");
        assertThat(personal1).isNotEqualTo(served(frontend, "privacy-p2"));
        graph.driver().executableQuery("""
                MATCH (c:Customer {id: 'privacy-p1'}) SET c.segment = 'loyal', c.activityLevel = 'active',
                      c.profiledAt = 1514777545""").execute();
        assertThat((Object) frontend.post(PROFILE, Map.of("c", "privacy-p1")).data("customer", "profile")).isNotNull();
        assertThat((List<?>) frontend.post(BASELINE, Map.of("c", "privacy-p1")).data("baselineRecommendations"))
                .isNotEmpty();

        GraphQlClient.Response optOut = frontend.post(CONSENT, Map.of("c", "privacy-p1", "o", true));
        frontend.post(CONSENT, Map.of("c", "privacy-p2", "o", true));

        assertThat((Map<String, Object>) optOut.data("setProfilingConsent")).containsEntry("profilingOptOut", true);
        List<Object> anonymous = served(frontend, "privacy-p1");
        assertThat(anonymous).hasSize(10).isEqualTo(served(frontend, "privacy-p2")).isNotEqualTo(personal1);
        GraphQlClient.Response baseline = frontend.post(BASELINE, Map.of("c", "privacy-p1"));
        assertThat(baseline.json()).as(baseline.text()).doesNotContainKey("errors");
        assertThat((List<?>) baseline.data("baselineRecommendations")).as("nothing from an opted-out history").isEmpty();
        GraphQlClient.Response profile = frontend.post(PROFILE, Map.of("c", "privacy-p1"));
        assertThat((Object) profile.data("customer", "profile")).as(profile.text()).isNull();

        frontend.post(CONSENT, Map.of("c", "privacy-p1", "o", false));
        assertThat(served(frontend, "privacy-p1")).isEqualTo(personal1);
    }

    @Test
    void a_scoped_frontend_records_consent_only_for_its_own_customer() {
        GraphQlClient.Response r = client(FRONTEND_OWN).post(CONSENT, Map.of("c", OTHER_CUSTOMER, "o", true));

        assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(count("MATCH (c:Customer {id: $c}) WHERE c.profilingOptOut RETURN count(c)",
                Map.of("c", OTHER_CUSTOMER))).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reviewers_find_served_lists_by_customer_item_and_time() {
        String customer = "privacy-logged";
        String since = java.time.Instant.now().minusSeconds(1).toString();
        buy(client(FRONTEND), customer, itemsBoughtBy(OWN_CUSTOMER, 3));
        Map<String, Object> first = (Map<String, Object>) served(client(FRONTEND), customer).get(0);
        served(client(FRONTEND), customer);
        auditLog.flush();
        String item = (String) ((Map<String, Object>) first.get("item")).get("id");

        GraphQlClient reviewer = client(REVIEWER);
        List<Map<String, Object>> byCustomer = (List<Map<String, Object>>) reviewer
                .post(SERVED, Map.of("c", customer)).data("servedRecommendations", "edges");
        assertThat(byCustomer).hasSize(2);
        Map<String, Object> list = (Map<String, Object>) byCustomer.get(0).get("node");
        assertThat(list).containsEntry("customerId", customer);
        assertThat((String) list.get("caller")).startsWith("api-key-");
        List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("items");
        assertThat(items).hasSize(10);
        assertThat(items.get(0)).containsEntry("itemId", item).containsEntry("rank", 1);
        // The logged score is the one served, and its reasons still add up to it with the score terms.
        assertThat(((Number) items.get(0).get("score")).doubleValue()).isEqualTo(((Number) first.get("score")).doubleValue());

        Map<String, Object> byItem = new java.util.HashMap<>();
        byItem.put("i", item);
        byItem.put("from", since);
        List<Map<String, Object>> withItem = (List<Map<String, Object>>) reviewer.post(SERVED, byItem)
                .data("servedRecommendations", "edges");
        assertThat(withItem).extracting(e -> ((Map<String, Object>) e.get("node")).get("customerId")).contains(customer);
        assertThat(withItem).allSatisfy(e -> assertThat((List<Map<String, Object>>) ((Map<String, Object>) e.get("node"))
                .get("items")).extracting(i -> i.get("itemId")).contains(item));

        GraphQlClient.Response badTime = reviewer.post(SERVED, Map.of("from", "yesterday"));
        assertThat(badTime.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(badTime.text()).contains("from must be an ISO-8601 date-time");
    }

    @Test
    @SuppressWarnings("unchecked")
    void erasure_leaves_no_trace_of_the_customer_anywhere_in_the_store() {
        String customer = "erase-me-5531";
        String unbought = graph.driver().executableQuery("""
                MATCH (i:Item) WHERE NOT EXISTS { (i)<-[:PURCHASED]-() } RETURN i.id AS id ORDER BY id LIMIT 1
                """).execute().records().get(0).get("id").asString();
        GraphQlClient frontend = client(FRONTEND);
        buy(frontend, customer, List.of(itemsBoughtBy(OWN_CUSTOMER, 2).get(0), itemsBoughtBy(OTHER_CUSTOMER, 2).get(1),
                unbought));
        served(frontend, customer);
        served(frontend, customer);
        frontend.post("mutation ($c: ID!, $i: [ID!]!) { recordImpression(customerId: $c, itemIds: $i) { shown } }",
                Map.of("c", customer, "i", List.of(unbought)));
        graph.driver().executableQuery("CALL kgrec.profile.write({})").execute();
        assertThat(traces(customer)).isGreaterThan(3);

        GraphQlClient.Response erased = client(ADMIN).post(ERASE, Map.of("c", customer));

        assertThat(erased.json()).as(erased.text()).doesNotContainKey("errors");
        assertThat((Map<String, Object>) erased.data("eraseCustomer")).containsEntry("interactions", 3)
                .containsEntry("impressions", 1).containsEntry("servedLists", 2).containsEntry("itemsOnlyTheirs", 1);
        auditLog.flush();
        assertThat(traces(customer)).isZero();
        assertThat(client(ADMIN).post(ERASE, Map.of("c", customer)).errorCode()).isEqualTo("NOT_FOUND");
    }

    /** Property values anywhere in the store (nodes and relationships) that contain the text, alone or in a list. */
    private long traces(String text) {
        return count("""
                CALL () { MATCH (n) RETURN properties(n) AS p UNION ALL MATCH ()-[r]->() RETURN properties(r) AS p }
                UNWIND keys(p) AS k
                WITH p[k] AS v
                WHERE (v IS :: STRING AND v CONTAINS $text)
                   OR (v IS :: LIST<ANY> AND any(x IN v WHERE toString(x) CONTAINS $text))
                RETURN count(*)
                """, Map.of("text", text));
    }
}
