package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.read.Graph;
import io.kgrec.api.read.Recommendations;
import io.kgrec.api.read.ServedListCache;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A list is scored once and served again while it holds, and scored afresh as soon as the customer's interactions
 * change, however they change. Each test asks for a page size no other test uses, so its first request is scored.
 */
class ServedListCacheIT extends LoadedApplication {
    private static final String RECOMMENDATIONS = """
            query ($c: ID!, $first: Int, $filter: RecommendationFilter) {
              recommendations(customerId: $c, first: $first, filter: $filter) {
                edges { node { rank score item { id } reasons { contribution sentence } } } } }
            """;

    @Autowired
    Graph reads;

    @Autowired
    ServedListCache cache;

    @Autowired
    Recommendations recommendations;

    private List<Map<String, Object>> edges(String customer, int first, Map<String, Object> filter) {
        GraphQlClient.Response r = client(ADMIN).post(RECOMMENDATIONS,
                filter == null ? Map.of("c", customer, "first", first) : Map.of("c", customer, "first", first, "filter", filter));
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        List<Map<String, Object>> edges = r.data("recommendations", "edges");
        assertThat(edges).isNotEmpty();
        return edges;
    }

    @SuppressWarnings("unchecked")
    private static String itemAt(List<Map<String, Object>> edges, int index) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) edges.get(index).get("node")).get("item")).get("id");
    }

    @Test
    void a_repeated_request_is_served_again_without_scoring() {
        long transactions = reads.transactionsRun();
        long hits = cache.statistics().hits();
        List<Map<String, Object>> scored = edges("19", 7, null);
        long firstCost = reads.transactionsRun() - transactions;

        List<Map<String, Object>> again = edges("19", 7, null);

        // the recommend call; then nothing: the embedded database reports changes to the cache as they commit
        assertThat(firstCost).isEqualTo(1);
        assertThat(reads.transactionsRun() - transactions - firstCost).isZero();
        assertThat(cache.statistics().hits()).isEqualTo(hits + 1);
        assertThat(again).isEqualTo(scored);
    }

    @Test
    void an_interaction_written_straight_into_the_graph_shows_in_the_next_list() {
        List<Map<String, Object>> before = edges("27", 9, null);
        edges("27", 9, null);
        String top = itemAt(before, 0);
        // as a load, or an instance without a cache, would write it: no feedback sequence is bumped
        graph.driver().executableQuery("""
                MATCH (c:Customer {id: $c}), (i:Item {id: $i})
                CREATE (c)-[:PURCHASED {count: 1, raw: 1.0, sources: ['served-list-cache-it']}]->(i)
                """).withParameters(Map.of("c", "27", "i", top)).execute();
        try {
            List<Map<String, Object>> after = edges("27", 9, null);

            assertThat(after).extracting(e -> itemAt(List.of(e), 0)).doesNotContain(top);
        } finally {
            graph.driver().executableQuery("""
                    MATCH (:Customer {id: $c})-[p:PURCHASED]->(:Item {id: $i})
                    WHERE p.sources = ['served-list-cache-it'] DELETE p
                    """).withParameters(Map.of("c", "27", "i", top)).execute();
        }
        assertThat(edges("27", 9, null)).extracting(e -> itemAt(List.of(e), 0)).contains(top);
    }

    @Test
    void any_change_to_the_customer_node_has_the_list_scored_again() {
        edges("19", 13, null);
        edges("19", 13, null);
        long misses = cache.statistics().misses();
        long hits = cache.statistics().hits();
        // as a consent change or a reloaded attribute would: nothing about the customer's interactions changes
        graph.driver().executableQuery("MATCH (c:Customer {id: $c}) SET c.servedListCacheIt = [1, 2]")
                .withParameters(Map.of("c", "19")).execute();
        try {
            edges("19", 13, null);
            edges("19", 13, null);

            assertThat(cache.statistics().misses()).isEqualTo(misses + 1);
            // an array property compares by content, so the changed list is served again after being rescored
            assertThat(cache.statistics().hits()).isEqualTo(hits + 1);
        } finally {
            graph.driver().executableQuery("MATCH (c:Customer {id: $c}) REMOVE c.servedListCacheIt")
                    .withParameters(Map.of("c", "19")).execute();
        }
    }

    @Test
    void a_change_to_the_model_node_has_every_list_scored_again() {
        edges("19", 17, null);
        edges("27", 17, null);
        long misses = cache.statistics().misses();
        // as a new model would (this application has none: it serves the model-free fallback, so a model node that
        // is not current changes nothing but the cache)
        graph.driver().executableQuery("CREATE (:Model {servedListCacheIt: true, current: false})").execute();
        try {
            edges("19", 17, null);
            edges("27", 17, null);

            assertThat(cache.statistics().misses()).isEqualTo(misses + 2);
        } finally {
            graph.driver().executableQuery("MATCH (m:Model {servedListCacheIt: true}) DELETE m").execute();
        }
        edges("19", 17, null);
        // deleting a model node counts as much as creating one
        assertThat(cache.statistics().misses()).isEqualTo(misses + 3);
    }

    /** Against a server, where other instances write too, the token is read from the graph on every use. */
    @Test
    void read_from_the_graph_the_token_costs_one_query_and_sees_a_direct_write() {
        ServedListCache tokens = ServedListCache.readingTokens(recommendations, reads, Duration.ofMinutes(1), 10_000,
                Ticker.systemTicker());
        long transactions = reads.transactionsRun();
        List<Recommendations.Scored> scored = tokens.top("27", 10, 3, Map.of());
        long firstCost = reads.transactionsRun() - transactions;
        List<Recommendations.Scored> again = tokens.top("27", 10, 3, Map.of());

        assertThat(firstCost).isEqualTo(2);
        assertThat(reads.transactionsRun() - transactions - firstCost).isEqualTo(1);
        assertThat(again).isEqualTo(scored);
        assertThat(tokens.statistics().hits()).isEqualTo(1);

        String top = scored.get(0).itemId();
        graph.driver().executableQuery("""
                MATCH (c:Customer {id: $c}), (i:Item {id: $i})
                CREATE (c)-[:PURCHASED {count: 1, raw: 1.0, sources: ['served-list-cache-it']}]->(i)
                """).withParameters(Map.of("c", "27", "i", top)).execute();
        try {
            assertThat(tokens.top("27", 10, 3, Map.of())).extracting(Recommendations.Scored::itemId).doesNotContain(top);
            assertThat(tokens.statistics().misses()).isEqualTo(2);
        } finally {
            graph.driver().executableQuery("""
                    MATCH (:Customer {id: $c})-[p:PURCHASED]->(:Item {id: $i})
                    WHERE p.sources = ['served-list-cache-it'] DELETE p
                    """).withParameters(Map.of("c", "27", "i", top)).execute();
        }
        assertThat(tokens.top("ghost-customer", 10, 3, Map.of())).isEmpty();
    }

    @Test
    void business_rules_are_part_of_what_is_kept() {
        List<Map<String, Object>> plain = edges("19", 11, null);
        String last = itemAt(plain, plain.size() - 1);

        List<Map<String, Object>> pinned = edges("19", 11, Map.of("pin", List.of(last)));

        assertThat(itemAt(pinned, 0)).isEqualTo(last);
        assertThat(itemAt(edges("19", 11, null), 0)).isEqualTo(itemAt(plain, 0)).isNotEqualTo(last);
    }

    /**
     * A list served again after half its time to live is refreshed in the background, so a customer who keeps coming
     * back never waits for a list that merely grew old; a list only just scored is not refreshed.
     */
    @Test
    void a_list_served_again_late_in_its_life_is_refreshed_in_the_background() throws InterruptedException {
        AtomicLong now = new AtomicLong();
        ServedListCache kept = ServedListCache.readingTokens(recommendations, reads, Duration.ofSeconds(60), 10_000,
                now::get);
        List<Recommendations.Scored> scored = kept.top("19", 10, 3, Map.of());
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        kept.top("19", 10, 3, Map.of());
        assertThat(kept.statistics().refreshes()).isZero();

        now.addAndGet(Duration.ofSeconds(20).toNanos()); // 40 s old: served as it is, and refreshed behind
        assertThat(kept.top("19", 10, 3, Map.of())).isEqualTo(scored);
        for (int wait = 0; wait < 600 && kept.statistics().refreshes() == 0; wait++) {
            Thread.sleep(50);
        }
        assertThat(kept.statistics().refreshes()).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(25).toNanos()); // 65 s after the first scoring, 25 s after the refresh
        long transactions = reads.transactionsRun();
        assertThat(kept.top("19", 10, 3, Map.of())).isEqualTo(scored);
        assertThat(reads.transactionsRun() - transactions).as("the token query only").isEqualTo(1);
        assertThat(kept.statistics()).extracting(ServedListCache.Statistics::misses, ServedListCache.Statistics::hits)
                .containsExactly(1L, 3L);

        now.addAndGet(Duration.ofSeconds(61).toNanos()); // nobody came back within the time to live: scored anew
        kept.top("19", 10, 3, Map.of());
        assertThat(kept.statistics().misses()).isEqualTo(2);
        assertThat(kept.statistics().staleMisses()).as("expired, not made stale by a change").isZero();
    }
}
