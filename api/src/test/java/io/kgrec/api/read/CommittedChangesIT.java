package io.kgrec.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.read.ServedListCache.Inputs;
import io.kgrec.api.testing.LoadedApplication;
import io.kgrec.api.training.ModelTrainer;
import io.kgrec.api.training.TrainingWatch;
import io.kgrec.model.reason.PathKind;
import io.kgrec.model.reason.ReasonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded database's commits, read as what they change of kept lists: another customer's interaction changes the
 * lists that show its item, a catalogue change every list, the audit log and impressions none; and a list due for a
 * refresh that nothing changed is kept on without being scored again, and one whose customer changed is scored again
 * in the background.
 */
class CommittedChangesIT extends LoadedApplication {
    private static final String CUSTOMER = "19";
    private static final String OTHER = "27";

    @Autowired
    Graph reads;

    @Autowired
    Recommendations recommendations;

    private CommittedChanges changes;
    private String bought;
    private String notBought;

    @BeforeEach
    void watch() {
        changes = new CommittedChanges(Duration.ofMinutes(1));
        graph.embedded().orElseThrow().onCommit(changes);
        bought = string("MATCH (:Customer {id: $c})-[:PURCHASED]->(i:Item) RETURN i.id ORDER BY i.id LIMIT 1",
                Map.of("c", OTHER));
        notBought = string("""
                MATCH (i:Item) WHERE NOT EXISTS { (:Customer {id: $c})-->(i) } AND i.id <> $b
                RETURN i.id ORDER BY i.id LIMIT 1""", Map.of("c", OTHER, "b", bought));
    }

    @AfterEach
    void stopWatching() {
        graph.embedded().orElseThrow().offCommit(changes);
    }

    private String string(String cypher, Map<String, Object> parameters) {
        return graph.driver().executableQuery(cypher).withParameters(parameters).execute().records().get(0).get(0)
                .asString();
    }

    private void write(String cypher, Map<String, Object> parameters) {
        graph.driver().executableQuery(cypher).withParameters(parameters).execute();
    }

    @Test
    void another_customers_interaction_changes_the_lists_that_show_its_item_and_walked_lists() {
        List<Object> mine = changes.token(CUSTOMER);
        List<Object> theirs = changes.token(OTHER);
        long at = changes.position();

        write("""
                MATCH (c:Customer {id: $c}), (i:Item {id: $i})
                CREATE (c)-[:VIEWED {count: 1, raw: 1.0, sources: ['committed-changes-it']}]->(i)
                """, Map.of("c", OTHER, "i", notBought));
        try {
            assertThat(changes.changedSince(at, new Inputs(Set.of(notBought), false, true))).isTrue();
            assertThat(changes.changedSince(at, new Inputs(Set.of(bought), false, true))).isFalse();
            // the untrained walk scores from everyone's interactions
            assertThat(changes.changedSince(at, new Inputs(Set.of(bought), true, false))).isTrue();
            assertThat(changes.onlyInteractionsSince(at)).as("nothing but an interaction").isTrue();
            assertThat(changes.token(OTHER)).isNotEqualTo(theirs);
            assertThat(changes.token(CUSTOMER)).isEqualTo(mine);
        } finally {
            write("""
                    MATCH (:Customer {id: $c})-[r:VIEWED]->(:Item {id: $i})
                    WHERE r.sources = ['committed-changes-it'] DELETE r""", Map.of("c", OTHER, "i", notBought));
        }
        long afterDeleting = changes.position();
        assertThat(changes.changedSince(afterDeleting - 1, new Inputs(Set.of(notBought), false, true)))
                .as("deleting an interaction counts as much as creating one").isTrue();
    }

    /** As a shop's feedback arrives: the purchase also updates bookkeeping (its source file), which no list reads. */
    @Test
    void a_purchase_recorded_through_the_api_changes_only_the_lists_that_show_its_item() {
        long at = changes.position();
        String newcomer = "committed-changes-it";

        var r = client(ADMIN).post("""
                mutation ($c: ID!, $i: ID!) { recordInteraction(customerId: $c, itemId: $i, type: PURCHASED) { count } }
                """, Map.of("c", newcomer, "i", notBought));
        try {
            assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
            assertThat(changes.position()).isGreaterThan(at);
            assertThat(changes.changedSince(at, new Inputs(Set.of(notBought), false, true))).isTrue();
            assertThat(changes.changedSince(at, new Inputs(Set.of(bought), false, true))).isFalse();
        } finally {
            write("MATCH (c:Customer {id: $c}) DETACH DELETE c", Map.of("c", newcomer));
        }
    }

    /** An event sent again with its id adds nothing, so it must not cost its customer's lists a scoring either. */
    @Test
    void an_event_sent_again_with_its_id_changes_no_list() {
        String newcomer = "committed-changes-it-repeat";
        String purchase = """
                mutation ($c: ID!, $i: ID!) {
                  recordInteraction(customerId: $c, itemId: $i, type: PURCHASED, eventId: "order-1/1") { repeated }
                }""";
        try {
            var first = client(ADMIN).post(purchase, Map.of("c", newcomer, "i", notBought));
            assertThat(first.text()).contains("\"repeated\":false");
            List<Object> token = changes.token(newcomer);
            long at = changes.position();

            var again = client(ADMIN).post(purchase, Map.of("c", newcomer, "i", notBought));

            assertThat(again.text()).contains("\"repeated\":true");
            assertThat(changes.token(newcomer)).isEqualTo(token);
            assertThat(changes.changedSince(at, new Inputs(Set.of(notBought), false, true))).isFalse();
        } finally {
            write("MATCH (c:Customer {id: $c}) DETACH DELETE c", Map.of("c", newcomer));
        }
    }

    @Test
    void the_audit_log_and_impressions_change_no_list() {
        List<Object> mine = changes.token(CUSTOMER);
        long at = changes.position();

        write("CREATE (:ServedList {id: 'committed-changes-it', customerId: $c, items: [$i]})",
                Map.of("c", CUSTOMER, "i", bought));
        write("""
                MATCH (c:Customer {id: $c}), (i:Item {id: $i})
                MERGE (c)-[s:SHOWN]->(i) SET s.count = coalesce(s.count, 0) + 1, s.committedChangesIt = true
                """, Map.of("c", CUSTOMER, "i", bought));
        write("MATCH (l:ServedList {id: 'committed-changes-it'}) DELETE l", Map.of());

        assertThat(changes.position()).isGreaterThanOrEqualTo(at + 3);
        assertThat(changes.changedSince(at, new Inputs(Set.of(bought), true, false))).isFalse();
        assertThat(changes.token(CUSTOMER)).isEqualTo(mine);
    }

    /**
     * A showing takes its customer's lock by setting the feedback sequence to its own value, or to 0 for a customer no
     * feedback has reached yet: neither is a change of anything a list shows.
     */
    @Test
    void impressions_recorded_through_the_api_change_no_list_even_for_a_customer_without_feedback() {
        String quiet = string("""
                MATCH (c:Customer) WHERE c.kgrecFeedbackSequence IS NULL AND EXISTS { (c)-[:PURCHASED]->() }
                RETURN c.id ORDER BY c.id LIMIT 1""", Map.of());
        List<Object> token = changes.token(quiet);
        long at = changes.position();

        var r = client(ADMIN).post("""
                mutation ($c: ID!, $i: ID!) { recordImpression(customerId: $c, itemIds: [$i], eventId: "v-1") { shown } }
                """, Map.of("c", quiet, "i", bought));

        assertThat(r.text()).contains("\"shown\":1");
        assertThat(changes.position()).isGreaterThan(at);
        assertThat(changes.token(quiet)).isEqualTo(token);
        assertThat(changes.changedSince(at, new Inputs(Set.of(bought), true, false))).isFalse();
    }

    @Test
    void a_catalogue_change_changes_every_list() {
        long at = changes.position();

        write("MATCH (i:Item {id: $i}) SET i.committedChangesIt = true", Map.of("i", notBought));
        write("MATCH (i:Item {id: $i}) REMOVE i.committedChangesIt", Map.of("i", notBought));

        assertThat(changes.changedSince(at, new Inputs(Set.of(bought), false, true))).isTrue();
        assertThat(changes.onlyInteractionsSince(at)).isFalse();
        long later = changes.position();
        write("""
                MATCH (i:Item {id: $i})
                CREATE (i)-[:MADE_BY]->(:Entity:Brand {key: 'brand:committed-changes-it', name: 'It'})""",
                Map.of("i", notBought));
        write("MATCH (b:Entity {key: 'brand:committed-changes-it'}) DETACH DELETE b", Map.of());
        assertThat(changes.changedSince(later, new Inputs(Set.of(bought), false, true))).isTrue();
    }

    @Test
    void a_model_node_changes_every_token_and_list() {
        List<Object> mine = changes.token(CUSTOMER);
        long at = changes.position();

        write("CREATE (:Model {committedChangesIt: true, current: false})", Map.of());
        write("MATCH (m:Model {committedChangesIt: true}) DELETE m", Map.of());

        assertThat(changes.token(CUSTOMER)).isNotEqualTo(mine);
        assertThat(changes.changedSince(at, new Inputs(Set.of(), false, true))).isTrue();
        assertThat(changes.onlyInteractionsSince(at)).isFalse();
    }

    /**
     * Due for a refresh, a list nothing changed is kept on without a query; once another customer's interaction with
     * one of its items has changed what it shows (a co-customer group, or for the untrained walk the scores), the next
     * refresh scores it again.
     */
    @Test
    void a_list_due_for_a_refresh_is_kept_on_while_nothing_it_shows_changed() throws InterruptedException {
        AtomicLong now = new AtomicLong();
        ServedListCache kept = new ServedListCache(recommendations, changes, Duration.ofSeconds(60), 10_000, now::get);
        List<Recommendations.Scored> scored = kept.top(CUSTOMER, 10, 3, Map.of());
        assertThat(scored).isNotEmpty();
        String shown = scored.get(0).itemId();

        now.addAndGet(Duration.ofSeconds(40).toNanos());
        long transactions = reads.transactionsRun();
        assertThat(kept.top(CUSTOMER, 10, 3, Map.of())).isEqualTo(scored);
        awaitStatistics(kept, s -> s.renewals() == 1);
        assertThat(reads.transactionsRun() - transactions).as("no scoring").isZero();
        assertThat(kept.statistics().refreshes()).isZero();

        write("""
                MATCH (c:Customer {id: $c}), (i:Item {id: $i})
                CREATE (c)-[:VIEWED {count: 1, raw: 1.0, sources: ['committed-changes-it']}]->(i)
                """, Map.of("c", OTHER, "i", shown));
        try {
            now.addAndGet(Duration.ofSeconds(40).toNanos()); // 40 s after the renewal
            kept.top(CUSTOMER, 10, 3, Map.of());
            // A walked list is scored again; a model-scored one (if an earlier test trained) has its groups counted
            // again, unless it shows a collaborative weight without a group. Adding an interaction removes no group.
            awaitStatistics(kept, s -> s.refreshes() + s.regroupings() == 1);
            boolean regroupable = Inputs.of(scored).regroupable();
            assertThat(kept.statistics().regroupings()).isEqualTo(regroupable ? 1 : 0);
            assertThat(kept.statistics().refreshes()).isEqualTo(regroupable ? 0 : 1);
            assertThat(kept.statistics().renewals()).isEqualTo(1);
            assertThat(kept.statistics().misses()).isEqualTo(1);
        } finally {
            write("""
                    MATCH (:Customer {id: $c})-[r:VIEWED]->(:Item {id: $i})
                    WHERE r.sources = ['committed-changes-it'] DELETE r""", Map.of("c", OTHER, "i", shown));
        }
    }

    /**
     * Another customer's purchases change only the groups of customers on a model-scored list's collaborative paths
     * (its weights and priors are trained): due for a refresh, the list is regrouped instead of scored again, and is
     * then exactly what scoring it again gives, with the group one customer larger.
     */
    @Test
    void a_model_scored_list_is_regrouped_after_other_customers_purchases_as_scoring_it_again_would_show()
            throws InterruptedException {
        AtomicLong now = new AtomicLong();
        ServedListCache kept = new ServedListCache(recommendations, changes, Duration.ofSeconds(60), 10_000, now::get);
        List<Recommendations.Scored> scored = modelScored(kept);
        ReasonPath path = firstCollaborative(scored);
        String newcomer = "committed-changes-regroup";
        // A new customer reaches both items the way the group does, so that group grows by one and stays the largest.
        createCustomerWith(newcomer, Map.of(path.nodes().get(1).id(), path.steps().get(1).type(),
                path.end().id(), path.steps().get(2).type()));
        try {
            now.addAndGet(Duration.ofSeconds(40).toNanos());
            kept.top(CUSTOMER, 10, 5, Map.of());
            awaitStatistics(kept, s -> s.regroupings() == 1);
            assertThat(kept.statistics().refreshes()).isZero();
            assertThat(kept.statistics().regroupedUnchanged()).isZero();

            List<Recommendations.Scored> regrouped = kept.top(CUSTOMER, 10, 5, Map.of());
            assertThat(regrouped).isEqualTo(recommendations.top(CUSTOMER, 10, 5, Map.of()));
            assertThat(regrouped.stream().flatMap(s -> s.reasons().stream())
                    .filter(p -> p.kind() == PathKind.COLLABORATIVE && p.nodes().get(1).equals(path.nodes().get(1))
                            && p.end().equals(path.end())).findFirst().orElseThrow().nodes().get(2).size())
                    .isEqualTo(path.nodes().get(2).size() + 1);
        } finally {
            write("MATCH (c:Customer {id: $c}) DETACH DELETE c", Map.of("c", newcomer));
        }
    }

    /**
     * A purchase of a shown item by a customer who has none of the list's known items changes no group on it: due for a
     * refresh, the list is counted again and kept as the very same list, not replaced by a copy.
     */
    @Test
    void a_regrouping_that_finds_no_group_changed_keeps_the_very_same_list() throws InterruptedException {
        AtomicLong now = new AtomicLong();
        ServedListCache kept = new ServedListCache(recommendations, changes, Duration.ofSeconds(60), 10_000, now::get);
        List<Recommendations.Scored> scored = modelScored(kept);
        ReasonPath path = firstCollaborative(scored);
        String newcomer = "committed-changes-no-regroup";
        // The newcomer has the shown item only, so no group of customers who have a known item and it grows.
        createCustomerWith(newcomer, Map.of(path.end().id(), path.steps().get(2).type()));
        try {
            now.addAndGet(Duration.ofSeconds(40).toNanos());
            assertThat(kept.top(CUSTOMER, 10, 5, Map.of())).isSameAs(scored);
            awaitStatistics(kept, s -> s.regroupings() == 1);

            assertThat(kept.statistics().regroupedUnchanged()).isEqualTo(1);
            assertThat(kept.statistics().refreshes()).isZero();
            assertThat(kept.top(CUSTOMER, 10, 5, Map.of())).isSameAs(scored)
                    .isEqualTo(recommendations.top(CUSTOMER, 10, 5, Map.of()));
        } finally {
            write("MATCH (c:Customer {id: $c}) DETACH DELETE c", Map.of("c", newcomer));
        }
    }

    /** The customer's list as a trained model scores it (training first if no earlier test did). */
    private List<Recommendations.Scored> modelScored(ServedListCache kept) {
        if (count("MATCH (m:Model {current: true}) RETURN count(m)", Map.of()) == 0) {
            new ModelTrainer(graph).train(42, TrainingWatch.NONE);
        }
        List<Recommendations.Scored> scored = kept.top(CUSTOMER, 10, 5, Map.of());
        assertThat(scored).isNotEmpty().allSatisfy(s -> assertThat(s.modelVersion()).isPositive());
        // The kept list holds each node once, however many of its paths go through it.
        List<ReasonPath> paths = scored.stream().flatMap(s -> s.reasons().stream()).toList();
        assertThat(paths).hasSizeGreaterThan(scored.size())
                .allSatisfy(p -> assertThat(p.start()).isSameAs(paths.get(0).start()));
        scored.forEach(s -> assertThat(s.reasons())
                .allSatisfy(p -> assertThat(p.end()).isSameAs(s.reasons().get(0).end())));
        return scored;
    }

    private static ReasonPath firstCollaborative(List<Recommendations.Scored> scored) {
        return scored.stream().flatMap(s -> s.reasons().stream())
                .filter(p -> p.kind() == PathKind.COLLABORATIVE).findFirst().orElseThrow();
    }

    /** A customer with one interaction of the given type with each given item (item id to relationship type). */
    private void createCustomerWith(String id, Map<String, String> interactions) {
        try (Transaction tx = graph.embedded().orElseThrow().database().beginTx()) {
            Node customer = tx.createNode(Label.label("Customer"));
            customer.setProperty("id", id);
            interactions.forEach((item, type) -> customer.createRelationshipTo(
                    tx.findNode(Label.label("Item"), "id", item), RelationshipType.withName(type))
                    .setProperty("count", 1L));
            tx.commit();
        }
    }

    /** Without background rescoring, the changed customer's next request scores the list: a stale miss. */
    @Test
    void a_list_its_customer_changed_is_scored_on_the_next_request_and_counted_as_a_stale_miss() {
        ServedListCache kept = new ServedListCache(recommendations, changes, Duration.ofSeconds(60), 10_000,
                System::nanoTime);
        kept.top(CUSTOMER, 10, 3, Map.of());

        write("MATCH (c:Customer {id: $c}) SET c.committedChangesIt = true", Map.of("c", CUSTOMER));
        try {
            kept.top(CUSTOMER, 10, 3, Map.of());
            kept.top(OTHER, 10, 3, Map.of());

            assertThat(kept.statistics()).extracting(ServedListCache.Statistics::misses,
                    ServedListCache.Statistics::staleMisses).containsExactly(3L, 1L);
        } finally {
            write("MATCH (c:Customer {id: $c}) REMOVE c.committedChangesIt", Map.of("c", CUSTOMER));
        }
    }

    /**
     * A customer who changed (a purchase, a profile) finds each of their next lists already scored again in the
     * background; other customers' kept lists are left alone.
     */
    @Test
    void a_changed_customers_kept_lists_are_scored_again_in_the_background() throws InterruptedException {
        ServedListCache kept = new ServedListCache(recommendations, changes, Duration.ofSeconds(60), 10_000,
                Duration.ofMillis(200), System::nanoTime);
        kept.top(CUSTOMER, 10, 3, Map.of());
        kept.top(CUSTOMER, 5, 3, Map.of());
        kept.top(OTHER, 10, 3, Map.of());

        write("MATCH (c:Customer {id: $c}) SET c.committedChangesIt = true", Map.of("c", CUSTOMER));
        try {
            awaitStatistics(kept, s -> s.rescored() == 2);
            long transactions = reads.transactionsRun();
            kept.top(CUSTOMER, 10, 3, Map.of());
            kept.top(CUSTOMER, 5, 3, Map.of());
            kept.top(OTHER, 10, 3, Map.of());

            assertThat(reads.transactionsRun() - transactions).as("served, not scored").isZero();
            assertThat(kept.statistics()).extracting(ServedListCache.Statistics::misses,
                    ServedListCache.Statistics::hits, ServedListCache.Statistics::rescored)
                    .containsExactly(3L, 3L, 2L);
        } finally {
            write("MATCH (c:Customer {id: $c}) REMOVE c.committedChangesIt", Map.of("c", CUSTOMER));
        }
    }

    private static void awaitStatistics(ServedListCache cache,
            java.util.function.Predicate<ServedListCache.Statistics> reached) throws InterruptedException {
        for (int wait = 0; wait < 600 && !reached.test(cache.statistics()); wait++) {
            Thread.sleep(50);
        }
        assertThat(cache.statistics()).matches(reached, "reached within 30 s");
    }
}
