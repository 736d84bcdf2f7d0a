package io.kgrec.api.graphql;

import io.kgrec.api.graph.CommitRehearsal;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.InProcessWrites;
import io.kgrec.loader.write.FeedbackWriter;
import io.kgrec.loader.write.WriteTransactions;
import io.kgrec.model.schema.InteractionType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Once the service is up ({@code StartRehearsals}), rehearses the feedback mutations on a real customer and item in
 * transactions that are rolled back ({@link FeedbackWriter#rehearse}), so that the first customers to buy after a
 * start do not wait for Neo4j to plan and compile the statements: without it the first purchase took 1.8–3.8 s and
 * some of the tenth to twenty-fourth (when the statements' expressions are compiled) 50–230 ms. With the embedded
 * database it then commits writes of the same shapes on scratch nodes ({@link CommitRehearsal}), which the
 * rolled-back rounds never reach.
 */
@Component
public class FeedbackRehearsal {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackRehearsal.class);
    /** Read inside a rolled-back transaction too, so the rehearsal never counts among the service's reads. */
    private static final String PAIR = """
            MATCH (c:Customer)-[r]->(bought:Item) WHERE type(r) = $type
            WITH c, bought LIMIT 1
            MATCH (other:Item) WHERE NOT EXISTS { MATCH (c)-[r]->(other) WHERE type(r) = $type }
            RETURN c.id AS customer, bought.id AS bought, other.id AS other
            LIMIT 1
            """;
    /**
     * One customer per size class of customer ids and one item per size class of item ids (a first purchase is
     * rehearsed the same whether the customer bought before or not). Neo4j keeps a plan per size class of each string
     * parameter (lengths 0, 1, 2–10, 11–100, ...), so a rehearsal on customer "1" alone left the plans of four-digit
     * customers unmade, and their first purchase waited 0.3–1.3 s for them. The read rehearsal scores the same
     * customers.
     */
    static final String SIZE_CLASSES = """
            CALL {
              MATCH (c:Customer)
              WITH size(c.id) AS length, c.id AS id
              WITH CASE WHEN length <= 1 THEN length ELSE toInteger(ceil(log10(length))) + 1 END AS sizeClass,
                   min(id) AS id
              RETURN collect(id) AS customers
            }
            CALL {
              MATCH (i:Item)
              WITH size(i.id) AS length, i.id AS id
              WITH CASE WHEN length <= 1 THEN length ELSE toInteger(ceil(log10(length))) + 1 END AS sizeClass,
                   min(id) AS id
              RETURN collect(id) AS items
            }
            RETURN customers, items
            """;

    /** The rounds, shared with the read rehearsal ({@code kgrec.feedback.rehearsals}). */
    static final String ROUNDS = "${kgrec.feedback.rehearsals:100}";

    private final GraphConnection graph;
    private final int rounds;
    private final int committedRounds;

    /**
     * Neo4j compiles a statement's expressions after about ten runs, but the JVM compiles the Java of the write path
     * only after hundreds: the mutation of the first purchase after a read-only warm-up took 47.7 ms on average with 12
     * rounds and 3 commits, 33.3 ms with 100 and 30 (six starts each, benchmarks.md).
     *
     * @param rounds          how many times each case is rehearsed; 0 turns rehearsals off
     * @param committedRounds how many purchase-shaped commits are rehearsed on scratch nodes (embedded database only); 0
     *                        writes no scratch node at all
     */
    public FeedbackRehearsal(GraphConnection graph, @Value(ROUNDS) int rounds,
            @Value("${kgrec.feedback.committed-rehearsals:30}") int committedRounds) {
        this.graph = graph;
        this.rounds = rounds;
        this.committedRounds = committedRounds;
    }

    /**
     * Rehearses on the first customer found with a purchase, an item they bought and one they did not; then on a customer
     * of each size class of customer ids with an item of each size class of item ids.
     *
     * @return false when there was nothing to rehearse on (no purchase yet), rehearsals are off or the rehearsal failed
     */
    public boolean rehearse() {
        if (rounds <= 0) {
            return false;
        }
        try {
            long start = System.nanoTime();
            WriteTransactions transactions = InProcessWrites.of(graph, Duration.ofSeconds(30));
            FeedbackWriter writer = new FeedbackWriter(transactions);
            List<Map<String, Object>> pair = transactions.rehearse(tx ->
                    tx.run(PAIR, Map.of("type", InteractionType.PURCHASED.relationshipType())));
            if (pair.isEmpty()) {
                LOG.info("feedback mutations not rehearsed: no purchase in the graph yet");
                return false;
            }
            String customer = (String) pair.get(0).get("customer");
            // an item not bought yet first: a first purchase creates the relationship, a repeat one adds to it
            List<String> items = List.of((String) pair.get(0).get("other"), (String) pair.get(0).get("bought"));
            String recommendationId = RecommendationController.recommendationId(UUID.randomUUID().toString(), 1);
            if (!writer.rehearse(customer, items, recommendationId, rounds)) {
                return false; // the item was deleted in the meantime
            }
            Map<String, Object> classes = transactions.rehearse(tx ->
                    tx.run(SIZE_CLASSES, Map.of())).get(0);
            int pairs = 0;
            for (Object sizeClassCustomer : (List<?>) classes.get("customers")) {
                for (Object sizeClassItem : (List<?>) classes.get("items")) {
                    // a missing item only means it was deleted since; the other classes are still worth rehearsing
                    writer.rehearse((String) sizeClassCustomer, List.of((String) sizeClassItem), recommendationId,
                            rounds);
                    pairs++;
                }
            }
            if (graph.embedded().isPresent() && committedRounds > 0) {
                // a server's commit path is the server's; with the embedded database it is ours to warm
                CommitRehearsal.run(transactions, FeedbackWriter.SOURCE, recommendationId, committedRounds);
            }
            LOG.info("feedback mutations rehearsed {} times each, on {} pairs of id size classes, in {} ms", rounds,
                    pairs, (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            // only the first purchases are slower for it
            LOG.warn("rehearsing the feedback mutations failed; the first purchases will plan them", e);
            return false;
        }
    }
}
