package io.kgrec.api.graph;

import io.kgrec.loader.write.WriteTransactions;
import java.time.Instant;
import java.util.Map;

/**
 * Commits, at start, writes shaped like a purchase, a repeat purchase and an impression, on scratch nodes
 * ({@code :KgrecRehearsal}, joined by {@code KGREC_REHEARSAL}) that are deleted again at once. The rolled-back
 * rehearsal of the feedback statements plans them but never reaches the commit, where Neo4j turns the transaction into
 * store commands: a relationship added to a dense node, arrays and long strings written to the dynamic stores, a node's
 * property changed. Run for the first time, that code is loaded class by class from the nested jars of the
 * executable jar and interpreted; the first purchase after a start spent 0.5–0.7 s there (a profile showed nothing but
 * class loading under the commit).
 *
 * <p>The scratch nodes carry no customer or item label, so no recommendation, profile or kept list can read them, and
 * the kept lists' change tracking counts them as bookkeeping.
 */
public final class CommitRehearsal {
    /** More relationships than Neo4j's dense-node threshold (50), so the writes take the dense path items take. */
    private static final int DEGREE = 60;
    private static final String CLEAR = """
            MATCH (n:KgrecRehearsal) DETACH DELETE n
            """;
    private static final String SET_UP = """
            CREATE (buyer:KgrecRehearsal {role: 'buyer'}), (item:KgrecRehearsal {role: 'item'})
            WITH buyer, item
            UNWIND range(1, $degree) AS k
            CREATE (buyer)-[:KGREC_REHEARSAL]->(:KgrecRehearsal)-[:KGREC_REHEARSAL]->(item)
            """;
    private static final String PURCHASE = """
            MATCH (buyer:KgrecRehearsal {role: 'buyer'}), (item:KgrecRehearsal {role: 'item'})
            SET buyer.kgrecFeedbackSequence = coalesce(buyer.kgrecFeedbackSequence, 0) + 1
            CREATE (buyer)-[r:KGREC_REHEARSAL {purchase: true}]->(item)
            SET r.sources = [$source], r.raw = 1.0, r.count = 1, r.weight = log(2.0), r.timestamp = $now,
                r.sourceRaw = [1.0], r.sourceCount = [1], r.sourceTimestamp = [$now],
                r.lastRecommendationId = $recommendationId
            """;
    private static final String REPEAT_AND_SHOW = """
            MATCH (buyer:KgrecRehearsal {role: 'buyer'})-[r:KGREC_REHEARSAL {purchase: true}]->
                  (item:KgrecRehearsal {role: 'item'})
            SET buyer.kgrecFeedbackSequence = buyer.kgrecFeedbackSequence + 1,
                r.sources = r.sources + [$source + '/repeat'], r.raw = r.raw + 1.0, r.count = r.count + 1,
                r.sourceRaw = r.sourceRaw + [1.0], r.sourceCount = r.sourceCount + [1],
                r.lastRecommendationId = $recommendationId
            MERGE (buyer)-[s:KGREC_REHEARSAL {shown: true}]->(item)
            SET s.count = coalesce(s.count, 0) + 1, s.lastAt = datetime()
            """;
    /** As an erasure or a re-load that drops a contribution deletes interactions. */
    private static final String UNDO = """
            MATCH (:KgrecRehearsal {role: 'buyer'})-[r:KGREC_REHEARSAL]->(:KgrecRehearsal {role: 'item'})
            DELETE r
            """;

    private CommitRehearsal() {
    }

    /**
     * Sets the scratch nodes up, commits {@code rounds} purchases, repeats and impressions on them, and deletes them;
     * leftovers of an earlier start that stopped halfway are deleted first.
     */
    public static void run(WriteTransactions transactions, String source, String recommendationId, int rounds) {
        Map<String, Object> writes = Map.of("source", source, "recommendationId", recommendationId,
                "now", Instant.now().getEpochSecond());
        transactions.write(tx -> tx.run(CLEAR, Map.of()));
        try {
            transactions.write(tx -> tx.run(SET_UP, Map.of("degree", DEGREE)));
            for (int i = 0; i < rounds; i++) {
                transactions.write(tx -> tx.run(PURCHASE, writes));
                transactions.write(tx -> tx.run(REPEAT_AND_SHOW, writes));
                transactions.write(tx -> tx.run(UNDO, Map.of()));
            }
        } finally {
            transactions.write(tx -> tx.run(CLEAR, Map.of()));
        }
    }
}
