package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.graph.InProcessWrites;
import io.kgrec.api.safety.QueryLimits;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

/** Feedback changes the very next recommendations, without retraining. */
class FeedbackIT extends LoadedApplication {
    private static final String RECOMMENDATIONS = """
            query ($customer: ID!) { recommendations(customerId: $customer, first: 30) {
              edges { node { recommendationId score item { id } } } } }
            """;
    private static final String RECORD = """
            mutation ($customer: ID!, $item: ID!, $rec: ID) {
              recordInteraction(customerId: $customer, itemId: $item, type: PURCHASED, recommendationId: $rec, value: 2) {
                customerId itemId type count raw } }
            """;
    private static final String CUSTOMER = "27";
    private static final String PURCHASES = """
            OPTIONAL MATCH (:Customer {id: $c})-[p:PURCHASED]->(:Item {id: $i}) RETURN coalesce(p.count, 0)""";

    @SuppressWarnings("unchecked")
    private Map<String, Double> scores(GraphQlClient client) {
        GraphQlClient.Response r = client.post(RECOMMENDATIONS, Map.of("customer", CUSTOMER));
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        Map<String, Double> scores = new HashMap<>();
        for (Map<String, Object> edge : (List<Map<String, Object>>) r.data("recommendations", "edges")) {
            Map<String, Object> node = (Map<String, Object>) edge.get("node");
            scores.put((String) ((Map<String, Object>) node.get("item")).get("id"), ((Number) node.get("score")).doubleValue());
        }
        return scores;
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_event_is_attributed_only_to_a_list_served_to_the_same_customer() {
        GraphQlClient.Response others = client(FRONTEND).post(RECOMMENDATIONS, Map.of("customer", OTHER_CUSTOMER));
        assertThat(others.json()).as(others.text()).doesNotContainKey("errors");
        List<Map<String, Object>> edges = others.data("recommendations", "edges");
        assertThat(edges).isNotEmpty();
        Map<String, Object> top = (Map<String, Object>) edges.get(0).get("node");
        String theirs = (String) top.get("recommendationId");
        String item = (String) ((Map<String, Object>) top.get("item")).get("id");
        long before = count(PURCHASES, Map.of("c", OWN_CUSTOMER, "i", item));

        GraphQlClient.Response scoped = client(FRONTEND_OWN).post(RECORD,
                Map.of("customer", OWN_CUSTOMER, "item", item, "rec", theirs));
        GraphQlClient.Response admin = client(ADMIN).post(RECORD,
                Map.of("customer", OWN_CUSTOMER, "item", item, "rec", theirs));
        GraphQlClient.Response listId = client(FRONTEND_OWN).post(RECORD, Map.of("customer", OWN_CUSTOMER, "item", item,
                "rec", theirs.substring(0, theirs.lastIndexOf(':'))));

        assertThat(scoped.errorCode()).as(scoped.text()).isEqualTo("FORBIDDEN");
        assertThat(admin.errorCode()).as(admin.text()).isEqualTo("BAD_REQUEST");
        assertThat(admin.text()).contains("was served to customer '" + OTHER_CUSTOMER + "'");
        assertThat(listId.errorCode()).as("a list id alone: %s", listId.text()).isEqualTo("FORBIDDEN");
        assertThat(count(PURCHASES, Map.of("c", OWN_CUSTOMER, "i", item))).as("nothing recorded").isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_purchase_removes_the_item_and_lifts_what_it_leads_to_in_the_next_call() {
        GraphQlClient client = client(ADMIN);
        GraphQlClient.Response first = client.post(RECOMMENDATIONS, Map.of("customer", CUSTOMER));
        Map<String, Object> top = (Map<String, Object>) ((List<Map<String, Object>>) first
                .data("recommendations", "edges")).get(0).get("node");
        String bought = (String) ((Map<String, Object>) top.get("item")).get("id");
        Map<String, Double> before = scores(client);

        GraphQlClient.Response recorded = client.post(RECORD, Map.of("customer", CUSTOMER, "item", bought,
                "rec", top.get("recommendationId")));

        assertThat(recorded.json()).as(recorded.text()).doesNotContainKey("errors");
        Map<String, Object> r = recorded.data("recordInteraction");
        assertThat(r.get("count")).isEqualTo(1);
        assertThat(r.get("raw")).isEqualTo(2.0);
        Map<String, Double> after = scores(client);
        assertThat(after).doesNotContainKey(bought);
        // the sequence that tells served-list caches about the purchase is bookkeeping, not a customer attribute
        assertThat(count("MATCH (c:Customer {id: $c}) RETURN c.kgrecFeedbackSequence", Map.of("c", CUSTOMER)))
                .isPositive();
        GraphQlClient.Response profile = client.post("query ($c: ID!) { customer(id: $c) { attributes { key } } }",
                Map.of("c", CUSTOMER));
        assertThat(profile.text()).contains("\"attributes\"").doesNotContain("kgrecFeedbackSequence");
        // The items the new purchase leads to gain paths from it: some item already listed scores higher now.
        assertThat(after.entrySet()).anySatisfy(e -> assertThat(e.getValue()).isGreaterThan(before.getOrDefault(e.getKey(), 0.0)));
        assertThat(count("""
                MATCH (:Customer {id: $c})-[p:PURCHASED]->(:Item {id: $i})
                WHERE $source IN p.sources AND p.lastRecommendationId = $rec RETURN count(p)
                """, Map.of("c", CUSTOMER, "i", bought, "source", "kgrec-api/feedback", "rec", top.get("recommendationId"))))
                .isEqualTo(1);
    }

    @Test
    void events_accumulate_and_other_sources_are_kept() {
        GraphQlClient client = client(ADMIN);
        String item = graph.driver().executableQuery("""
                MATCH (:Customer {id: $c})-[p:PURCHASED]->(i:Item) RETURN i.id AS id, p.count AS count ORDER BY id LIMIT 1
                """).withParameters(Map.of("c", CUSTOMER)).execute().records().get(0).get("id").asString();
        long loaded = count("MATCH (:Customer {id: $c})-[p:PURCHASED]->(:Item {id: $i}) RETURN p.count",
                Map.of("c", CUSTOMER, "i", item));

        client.post(RECORD, Map.of("customer", CUSTOMER, "item", item));
        GraphQlClient.Response second = client.post(RECORD, Map.of("customer", CUSTOMER, "item", item));

        assertThat(((Number) ((Map<?, ?>) second.data("recordInteraction")).get("count")).longValue())
                .isEqualTo(loaded + 2);
    }

    @Test
    void an_event_sent_again_with_its_event_id_is_recorded_once() {
        GraphQlClient client = client(ADMIN);
        String item = "1029743";
        String customer = "feedback-event-ids";
        String record = """
                mutation ($customer: ID!, $item: ID!, $event: ID) {
                  recordInteraction(customerId: $customer, itemId: $item, type: PURCHASED, value: 2, eventId: $event) {
                    count raw repeated } }
                """;
        Map<String, Object> event = Map.of("customer", customer, "item", item, "event", "order-41/3");

        Map<String, Object> first = client.post(record, event).data("recordInteraction");
        Map<String, Object> again = client.post(record, event).data("recordInteraction");

        assertThat(first).containsEntry("count", 1).containsEntry("raw", 2.0).containsEntry("repeated", false);
        assertThat(again).containsEntry("count", 1).containsEntry("raw", 2.0).containsEntry("repeated", true);
        assertThat(count(PURCHASES, Map.of("c", customer, "i", item))).isEqualTo(1);
        assertThat(client.post(record, Map.of("customer", customer, "item", item, "event", "x".repeat(201)))
                .errorCode()).isEqualTo("BAD_REQUEST");
    }

    /**
     * Purchases of one item by several customers at once contend for the item's and the feedback source's locks; every
     * one is recorded exactly once, including any that a deadlock rolled back and ran again.
     */
    @Test
    void concurrent_purchases_of_one_item_are_each_recorded_once() throws Exception {
        List<String> customers = graph.driver().executableQuery("MATCH (c:Customer) RETURN c.id AS id ORDER BY id DESC LIMIT 4")
                .execute().records().stream().map(r -> r.get("id").asString()).toList();
        String item = "1029743";
        Map<String, Long> loaded = new HashMap<>();
        customers.forEach(c -> loaded.put(c, count(PURCHASES, Map.of("c", c, "i", item))));
        int each = 5;

        ExecutorService pool = Executors.newFixedThreadPool(customers.size());
        try {
            List<Future<List<String>>> errors = customers.stream().map(c -> pool.submit(() -> {
                GraphQlClient client = client(ADMIN);
                List<String> failed = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    GraphQlClient.Response r = client.post(RECORD, Map.of("customer", c, "item", item));
                    if (r.json().containsKey("errors")) {
                        failed.add(r.text());
                    }
                }
                return failed;
            })).toList();
            for (Future<List<String>> f : errors) {
                assertThat(f.get()).isEmpty();
            }
        } finally {
            pool.shutdown();
        }
        for (String c : customers) {
            assertThat(count(PURCHASES, Map.of("c", c, "i", item))).as("customer " + c).isEqualTo(loaded.get(c) + each);
        }
    }

    @Test
    void unknown_items_and_bad_values_are_refused_and_impressions_are_counted() {
        GraphQlClient client = client(ADMIN);
        assertThat(client.post(RECORD, Map.of("customer", CUSTOMER, "item", "no-such-item")).errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat(client.post("""
                mutation { recordInteraction(customerId: "27", itemId: "1029743", type: RATED, value: -3) { count } }
                """, Map.of()).errorCode()).isEqualTo("BAD_REQUEST");

        GraphQlClient.Response shown = client.post("""
                mutation ($items: [ID!]!) { recordImpression(customerId: "27", itemIds: $items, recommendationId: "l:1") { shown } }
                """, Map.of("items", List.of("1029743", "no-such-item")));
        assertThat(((Number) ((Map<?, ?>) shown.data("recordImpression")).get("shown")).longValue()).isEqualTo(1);
        assertThat(count("MATCH (:Customer {id: '27'})-[s:SHOWN]->(:Item {id: '1029743'}) RETURN s.count", Map.of()))
                .isPositive();
    }

    @Test
    void a_showing_sent_again_with_its_event_id_is_counted_once() {
        GraphQlClient client = client(ADMIN);
        String show = """
                mutation ($e: ID) {
                  recordImpression(customerId: "27", itemIds: ["1029743"], recommendationId: "l:2", eventId: $e) {
                    shown repeated
                  }
                }""";
        String item = "MATCH (:Customer {id: '27'})-[s:SHOWN]->(:Item {id: '1029743'}) RETURN coalesce(s.count, 0)";
        String eventId = "page-view-" + System.nanoTime();

        GraphQlClient.Response first = client.post(show, Map.of("e", eventId));
        long afterFirst = count(item, Map.of());
        GraphQlClient.Response again = client.post(show, Map.of("e", eventId));
        GraphQlClient.Response tooLong = client.post(show, Map.of("e", "x".repeat(201)));

        assertThat((Map<?, ?>) first.data("recordImpression")).as(first.text())
                .isEqualTo(Map.of("shown", 1, "repeated", false));
        assertThat((Map<?, ?>) again.data("recordImpression")).as(again.text())
                .isEqualTo(Map.of("shown", 1, "repeated", true));
        assertThat(count(item, Map.of())).isEqualTo(afterFirst);
        assertThat(tooLong.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(tooLong.text()).contains("eventId");
    }

    /**
     * A write that deadlocks again and again, as a purchase did while a freshly loaded graph was training, runs again
     * until it gets through and is committed once. Each deadlock is a real one: a rival transaction holding more locks
     * (so Neo4j aborts the write, the younger by its count) takes the node the write needs next and waits for the one
     * the write holds.
     */
    @Test
    void a_write_outlasts_a_run_of_deadlocks() throws Exception {
        GraphDatabaseService db = graph.embedded().orElseThrow().database();
        int deadlocks = 8;
        db.executeTransactionally("UNWIND range(0, 7) AS id CREATE (:DeadlockProbe {id: id, n: 0})");
        ExecutorService rivals = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger attempts = new AtomicInteger();
            List<Future<?>> rivalsDone = new ArrayList<>();
            InProcessWrites.of(graph, Duration.ofSeconds(30)).write(tx -> {
                tx.run("MATCH (p:DeadlockProbe {id: 0}) SET p.n = p.n + 1", Map.of());
                if (attempts.incrementAndGet() <= deadlocks) {
                    rivalsDone.add(rivals.submit(() -> {
                        try (Transaction rival = db.beginTx()) {
                            rival.execute("MATCH (p:DeadlockProbe) WHERE p.id > 0 SET p.rival = true").close();
                            rival.execute("MATCH (p:DeadlockProbe {id: 0}) SET p.rival = true").close();
                            rival.commit();
                        }
                    }));
                    awaitBlockedTransaction(db);
                    tx.run("MATCH (p:DeadlockProbe {id: 1}) SET p.n = p.n + 1", Map.of());
                }
                return null;
            });
            for (Future<?> rival : rivalsDone) {
                rival.get(30, TimeUnit.SECONDS); // each rival got through: the write was the one aborted
            }
            assertThat(attempts.get()).isEqualTo(deadlocks + 1);
            assertThat(count("MATCH (p:DeadlockProbe {id: 0}) RETURN p.n", Map.of())).isEqualTo(1);
        } finally {
            rivals.shutdownNow();
            db.executeTransactionally("MATCH (p:DeadlockProbe) DELETE p");
        }
    }

    /**
     * A purchase whose item another transaction keeps locked longer than the write may take (as a long training batch
     * could) fails within the request, saying that nothing was written, and it does not commit afterwards: so a caller
     * that sends it again records it once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_purchase_that_cannot_get_its_locks_fails_within_the_request_and_never_commits_later() throws Exception {
        GraphDatabaseService db = graph.embedded().orElseThrow().database();
        String item = "1029743";
        long before = count(PURCHASES, Map.of("c", CUSTOMER, "i", item));
        long lockedFor = QueryLimits.WRITE_TIMEOUT.plusSeconds(3).toMillis();
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService locker = Executors.newSingleThreadExecutor();
        try {
            Future<?> held = locker.submit(() -> {
                try (Transaction tx = db.beginTx()) {
                    tx.execute("MATCH (i:Item {id: $i}) SET i.heldByTest = true", Map.of("i", item)).close();
                    locked.countDown();
                    Thread.sleep(lockedFor);
                    tx.rollback();
                }
                return null;
            });
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            GraphQlClient.Response r = client(ADMIN).post(RECORD, Map.of("customer", CUSTOMER, "item", item));

            Map<String, Object> error = ((List<Map<String, Object>>) r.json().get("errors")).get(0);
            assertThat(error.get("message")).as(r.text()).asString()
                    .contains("did not commit within " + QueryLimits.WRITE_TIMEOUT.toMillis() + " ms")
                    .contains("nothing was written");
            assertThat(((Map<String, Object>) error.get("extensions")).get("code")).isEqualTo("INTERNAL");
            held.get(30, TimeUnit.SECONDS);
            Thread.sleep(500);
            assertThat(count(PURCHASES, Map.of("c", CUSTOMER, "i", item))).isEqualTo(before);
        } finally {
            locker.shutdownNow();
        }
    }

    private static void awaitBlockedTransaction(GraphDatabaseService db) {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.executeTransactionally("""
                SHOW TRANSACTIONS YIELD status, currentQuery
                WHERE status STARTS WITH 'Blocked' AND currentQuery CONTAINS $rivalsWait
                RETURN count(*) AS blocked
                """, Map.of("rivalsWait", "{id: 0}) SET p.rival"), r -> ((Number) r.next().get("blocked")).longValue()) == 0) {
            assertThat(System.nanoTime() - giveUpAt).as("a rival transaction blocked within 10 s").isNegative();
            Thread.onSpinWait();
        }
    }
}
