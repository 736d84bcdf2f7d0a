package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.read.Graph;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nested lists are fetched in batches: the number of database transactions a request needs does not grow with the
 * number of items in it.
 */
class BatchingIT extends LoadedApplication {
    private static final String RECOMMENDATIONS_WITH_ITEM_DETAILS = """
            query ($first: Int) { recommendations(customerId: "19", first: $first) { edges { node {
              item { id properties { key value } attributes { relationship target { id name } } } } } } }
            """;
    private static final String HISTORY_WITH_ITEM_DETAILS = """
            query ($first: Int) { customer(id: "19") { interactions(first: $first) { edges { node {
              item { id properties { key } attributes { relationship } } } } } } }
            """;

    @Autowired
    Graph graph;

    private long transactionsFor(String query, int first, String listPath) {
        long before = graph.transactionsRun();
        GraphQlClient.Response r = client(ADMIN).post(query, Map.of("first", first));
        long used = graph.transactionsRun() - before;
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        assertThat(r.text()).contains(listPath);
        return used;
    }

    @Test
    void item_details_of_recommendations_cost_the_same_for_two_items_as_for_twenty() {
        // The first request of each size may be scored or served from the kept list, depending on what other tests
        // asked before; the second is served again (ServedListCacheIT covers the first).
        transactionsFor(RECOMMENDATIONS_WITH_ITEM_DETAILS, 2, "\"properties\"");
        transactionsFor(RECOMMENDATIONS_WITH_ITEM_DETAILS, 20, "\"properties\"");
        long two = transactionsFor(RECOMMENDATIONS_WITH_ITEM_DETAILS, 2, "\"properties\"");
        long twenty = transactionsFor(RECOMMENDATIONS_WITH_ITEM_DETAILS, 20, "\"properties\"");

        assertThat(twenty).isEqualTo(two);
        // the kept list is served again without a query (the embedded database reports changes as they commit):
        // one batch for properties, one for attributes
        assertThat(twenty).isEqualTo(2);
    }

    @Test
    void item_details_of_a_customer_history_are_batched_too() {
        long two = transactionsFor(HISTORY_WITH_ITEM_DETAILS, 2, "\"attributes\"");
        long twenty = transactionsFor(HISTORY_WITH_ITEM_DETAILS, 20, "\"attributes\"");

        assertThat(twenty).isEqualTo(two).isEqualTo(4);
    }
}
