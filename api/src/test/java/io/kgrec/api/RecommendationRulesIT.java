package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.auditlog.AuditLog;
import io.kgrec.api.auditlog.AuditRetention;
import io.kgrec.api.auditlog.ServedLists;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Business rules through GraphQL, the ids that attribute feedback to a list, and the audit log that keeps every
 * served list.
 */
class RecommendationRulesIT extends LoadedApplication {
    private static final String QUERY = """
            query ($customer: ID!, $filter: RecommendationFilter, $diversity: Float) {
              recommendations(customerId: $customer, first: 5, filter: $filter, diversity: $diversity) {
                listId
                edges { node { recommendationId modelVersion rank score item { id attributes { target { id } } }
                  scoreTerms { name value } } }
              }
            }
            """;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditRetention retention;
    @Autowired
    ServedLists servedLists;

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> nodes(GraphQlClient.Response r) {
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        List<Map<String, Object>> edges = r.data("recommendations", "edges");
        return edges.stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_recommendation_carries_its_list_id_rank_and_model() {
        GraphQlClient.Response r = client(ANALYST).post(QUERY, Map.of("customer", OWN_CUSTOMER));
        String listId = r.data("recommendations", "listId");
        List<Map<String, Object>> nodes = nodes(r);

        assertThat(nodes).isNotEmpty();
        for (Map<String, Object> n : nodes) {
            assertThat(n.get("recommendationId")).isEqualTo(listId + ":" + n.get("rank"));
            assertThat((String) n.get("modelVersion")).matches("path-walk|model-\\d+");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void excluded_departments_never_appear_and_pins_lead() {
        List<Map<String, Object>> plain = nodes(client(ANALYST).post(QUERY, Map.of("customer", OWN_CUSTOMER)));
        Map<String, Object> firstItem = (Map<String, Object>) plain.get(0).get("item");
        String department = ((List<Map<String, Object>>) firstItem.get("attributes")).stream()
                .map(a -> (String) ((Map<String, Object>) a.get("target")).get("id"))
                .filter(id -> id.startsWith("department:")).findFirst().orElseThrow();
        String pinned = graph.driver().executableQuery("""
                MATCH (i:Item) WHERE NOT EXISTS { (:Customer {id: $c})-->(i) } RETURN i.id AS id ORDER BY id LIMIT 1
                """).withParameters(Map.of("c", OWN_CUSTOMER)).execute().records().get(0).get("id").asString();

        List<Map<String, Object>> ruled = nodes(client(ANALYST).post(QUERY, Map.of("customer", OWN_CUSTOMER,
                "filter", Map.of("excludeAttributes", List.of(department), "pin", List.of(pinned)))));

        assertThat(((Map<String, Object>) ruled.get(0).get("item")).get("id")).isEqualTo(pinned);
        assertThat((List<Map<String, Object>>) ruled.get(0).get("scoreTerms")).extracting(t -> t.get("name"))
                .contains("pinned");
        for (Map<String, Object> n : ruled.subList(1, ruled.size())) {
            List<Map<String, Object>> attributes = (List<Map<String, Object>>) ((Map<String, Object>) n.get("item"))
                    .get("attributes");
            assertThat(attributes).extracting(a -> ((Map<String, Object>) a.get("target")).get("id"))
                    .doesNotContain(department);
        }
    }

    @Test
    void bad_rules_are_refused_with_the_reason() {
        GraphQlClient.Response range = client(ANALYST).post(QUERY, Map.of("customer", OWN_CUSTOMER,
                "filter", Map.of("range", Map.of("property", "price", "min", 5, "max", 1))));
        assertThat(range.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(range.text()).contains("min 5.0 is greater than max 1.0").doesNotContain("ClientException");

        GraphQlClient.Response diversity = client(ANALYST).post(QUERY, Map.of("customer", OWN_CUSTOMER,
                "diversity", 3));
        assertThat(diversity.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void every_served_list_is_in_the_audit_log_with_its_items_model_and_rules() {
        GraphQlClient.Response r = client(FRONTEND_OWN).post(QUERY, Map.of("customer", OWN_CUSTOMER,
                "diversity", 0.3));
        String listId = r.data("recommendations", "listId");
        List<Object> served = nodes(r).stream().map(n -> ((Map<?, ?>) n.get("item")).get("id")).map(o -> (Object) o)
                .toList();

        auditLog.flush();

        Map<String, Object> logged = graph.driver().executableQuery("""
                MATCH (l:ServedList {id: $id})
                RETURN l.customerId AS customer, l.items AS items, l.caller AS caller, l.rules AS rules,
                       l.modelVersion AS model, size(l.scores) AS scores, l.reasons AS reasons
                """).withParameters(Map.of("id", listId)).execute().records().get(0).asMap();
        assertThat(logged.get("customer")).isEqualTo(OWN_CUSTOMER);
        assertThat((List<Object>) logged.get("items")).isEqualTo(served);
        assertThat(logged.get("scores")).isEqualTo((long) served.size());
        assertThat((String) logged.get("rules")).contains("\"diversity\":0.3");
        assertThat((String) logged.get("reasons")).contains("\"paths\"");
        assertThat((String) logged.get("caller")).startsWith("api-key-");
    }

    /** A second page is logged with its own ranks, as its recommendation ids carry them, not numbered from 1. */
    @Test
    @SuppressWarnings("unchecked")
    void a_page_after_a_cursor_is_logged_with_its_ranks() {
        String paged = """
                query ($customer: ID!, $after: String) {
                  recommendations(customerId: $customer, first: 3, after: $after) {
                    listId edges { cursor node { rank item { id } } } } }
                """;
        GraphQlClient.Response first = client(FRONTEND_OWN).post(paged, Map.of("customer", OWN_CUSTOMER));
        List<Map<String, Object>> firstEdges = (List<Map<String, Object>>) first.data("recommendations", "edges");
        String cursor = (String) firstEdges.get(firstEdges.size() - 1).get("cursor");
        GraphQlClient.Response second = client(FRONTEND_OWN).post(paged, Map.of("customer", OWN_CUSTOMER,
                "after", cursor));
        String listId = second.data("recommendations", "listId");
        List<Object> ranks = ((List<Map<String, Object>>) second.data("recommendations", "edges")).stream()
                .map(e -> ((Map<?, ?>) e.get("node")).get("rank")).map(o -> (Object) o).toList();
        assertThat(ranks).containsExactly(4, 5, 6);

        auditLog.flush();
        GraphQlClient.Response logged = client(REVIEWER).post("""
                query ($c: ID!) { servedRecommendations(customerId: $c, first: 50) {
                  edges { node { id items { rank itemId } } } } }
                """, Map.of("c", OWN_CUSTOMER));
        Map<String, Object> list = ((List<Map<String, Object>>) logged.data("servedRecommendations", "edges")).stream()
                .map(e -> (Map<String, Object>) e.get("node")).filter(n -> listId.equals(n.get("id"))).findFirst()
                .orElseThrow();
        assertThat((List<Map<String, Object>>) list.get("items")).extracting(i -> i.get("rank"))
                .containsExactly(4, 5, 6);
    }

    @Test
    void retention_removes_lists_older_than_the_limit_and_keeps_newer_ones() {
        String listId = client(ANALYST).post(QUERY, Map.of("customer", OWN_CUSTOMER)).data("recommendations", "listId");
        auditLog.flush();
        String count = "MATCH (l:ServedList {id: $id}) RETURN count(l)";

        assertThat(retention.expireBefore(ZonedDateTime.now(ZoneOffset.UTC).minusDays(1))).isZero();
        assertThat(count(count, Map.of("id", listId))).isEqualTo(1);
        assertThat(retention.expireBefore(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1))).isPositive();
        assertThat(count(count, Map.of("id", listId))).isZero();
    }

    /**
     * A served-again list (kept, not rescored) is logged under its own id, with its own time and caller; its items,
     * scores, rules and reasons are its first serving's, stored once and referred to, and reviewers read them in full
     * either way, and find it by one of its items.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_list_served_again_is_logged_under_its_own_id_with_every_items_reasons() {
        Map<String, Object> variables = Map.of("customer", OWN_CUSTOMER, "diversity", 0.15);
        GraphQlClient.Response first = client(FRONTEND_OWN).post(QUERY, variables);
        GraphQlClient.Response again = client(FRONTEND_OWN).post(QUERY, variables);
        String firstId = first.data("recommendations", "listId");
        String againId = again.data("recommendations", "listId");
        int items = nodes(first).size();

        auditLog.flush();

        Map<String, Object> stored = graph.driver().executableQuery("""
                MATCH (l:ServedList {id: $id})
                OPTIONAL MATCH (f:ServedList {id: $first})
                RETURN l.reasonsOf AS reasonsOf, l.customerId AS customer, l.at IS NOT NULL AS hasTime,
                       [p IN ['reasons', 'items', 'scores', 'rules'] WHERE l[p] IS NOT NULL] AS repeated,
                       coalesce(f.reasonsOf, f.id) AS firstServing
                """).withParameters(Map.of("id", againId, "first", firstId)).execute().records().get(0).asMap();
        assertThat(againId).isNotEqualTo(firstId);
        // the page's first serving: this test's first call, or an earlier test's if it served the same kept page
        assertThat(stored.get("reasonsOf")).isNotNull().isEqualTo(stored.get("firstServing"));
        assertThat(stored.get("customer")).isEqualTo(OWN_CUSTOMER);
        assertThat(stored.get("hasTime")).isEqualTo(true);
        assertThat((List<Object>) stored.get("repeated")).isEmpty();

        ServedLists.Stored firstLogged = servedLists.find(OWN_CUSTOMER, null, null, null, 0, 1000).stream()
                .filter(l -> l.id().equals(firstId)).findFirst().orElseThrow();
        ServedLists.Stored againLogged = servedLists.find(OWN_CUSTOMER, null, null, null, 0, 1000).stream()
                .filter(l -> l.id().equals(againId)).findFirst().orElseThrow();
        assertThat(againLogged.reasons()).isEqualTo(firstLogged.reasons());
        assertThat(againLogged.items()).hasSize(items).isEqualTo(firstLogged.items())
                .isEqualTo(nodes(again).stream().map(n -> ((Map<?, ?>) n.get("item")).get("id")).toList());
        assertThat(againLogged.scores()).isEqualTo(firstLogged.scores());
        assertThat(againLogged.rules()).isEqualTo(firstLogged.rules()).contains("\"diversity\":0.15");
        String lastItem = againLogged.items().get(items - 1);
        assertThat(servedLists.find(OWN_CUSTOMER, lastItem, null, null, 0, 1000)).extracting(ServedLists.Stored::id)
                .contains(firstId, againId);
        assertThat(servedLists.find(null, lastItem, null, null, 0, 1000)).extracting(ServedLists.Stored::id)
                .contains(firstId, againId);
        List<Map<String, Object>> parsed = JsonMapper.builder().build().readValue(againLogged.reasons(), List.class);
        assertThat(parsed).hasSize(items).allSatisfy(item -> {
            assertThat((List<Object>) item.get("paths")).isNotEmpty();
            assertThat(item).containsKey("terms");
        });
    }

    @Test
    void retention_keeps_a_first_serving_while_a_newer_list_refers_to_it() {
        Map<String, Object> variables = Map.of("customer", OWN_CUSTOMER, "diversity", 0.05);
        retention.expireBefore(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1)); // so this page's first serving is ours
        String firstId = client(FRONTEND_OWN).post(QUERY, variables).data("recommendations", "listId");
        String againId = client(FRONTEND_OWN).post(QUERY, variables).data("recommendations", "listId");
        auditLog.flush();
        ZonedDateTime between = graph.driver().executableQuery("""
                MATCH (first:ServedList {id: $first}), (again:ServedList {id: $again})
                // the first serving's time plus one microsecond: after it, and not after the second serving
                RETURN first.at + duration({microseconds: 1}) AS between
                """).withParameters(Map.of("first", firstId, "again", againId)).execute().records().get(0)
                .get("between").asZonedDateTime();
        String count = "MATCH (l:ServedList {id: $id}) RETURN count(l)";

        retention.expireBefore(between);
        assertThat(count(count, Map.of("id", firstId))).as("the first serving, still referred to").isEqualTo(1);
        assertThat(count(count, Map.of("id", againId))).isEqualTo(1);

        retention.expireBefore(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1));
        assertThat(count(count, Map.of("id", firstId))).isZero();
        assertThat(count(count, Map.of("id", againId))).isZero();
    }
}
