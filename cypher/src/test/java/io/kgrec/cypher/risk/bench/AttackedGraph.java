package io.kgrec.cypher.risk.bench;

import io.kgrec.cypher.recommend.RecommendStreamProc;
import io.kgrec.cypher.risk.AnomalyDetectProc;
import io.kgrec.cypher.risk.AnomalyReviewProc;
import io.kgrec.cypher.risk.AnomalyStreamProc;
import io.kgrec.cypher.testing.CanonicalGraph;
import io.kgrec.cypher.testing.InProcessNeo4j;
import io.kgrec.cypher.train.TrainProc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark dataset's training split in an in-process Neo4j, with its timestamps, into which attack profiles are
 * injected and from which they are removed again, so one loaded graph serves every scenario.
 */
public final class AttackedGraph implements AutoCloseable {
    private static final String TIMES = """
            UNWIND $rows AS row
            MATCH (:Customer {id: row.customer})-[r]->(:Item {id: row.item})
            SET r.timestamp = row.time
            """;
    private static final String INJECT = """
            UNWIND $rows AS row
            MERGE (c:Customer {id: row.customer})
            WITH c, row
            MATCH (i:Item {id: row.item})
            CREATE (c)-[r:$($type) {raw: row.value, weight: log(1 + row.value), count: 1, timestamp: row.time}]->(i)
            """;
    private static final String REMOVE_ATTACK = """
            MATCH (c:Customer) WHERE c.id STARTS WITH $prefix DETACH DELETE c
            """;
    private static final String REMOVE_FLAGS = """
            MATCH (a:Anomaly) DETACH DELETE a
            """;
    private static final String UNMARK = """
            MATCH ()-[r]->(:Item) WHERE r.kgrecFlagged IS NOT NULL REMOVE r.kgrecFlagged
            """;

    private final InProcessNeo4j neo4j;
    private final String type;

    private AttackedGraph(InProcessNeo4j neo4j, String type) {
        this.neo4j = neo4j;
        this.type = type;
    }

    public static AttackedGraph load(Path dataset, String type, List<Interaction> train) {
        InProcessNeo4j neo4j = InProcessNeo4j.start(TrainProc.class, RecommendStreamProc.class,
                AnomalyDetectProc.class, AnomalyStreamProc.class, AnomalyReviewProc.class);
        CanonicalGraph.load(neo4j.db(), dataset, "train", type);
        batches(neo4j, TIMES, train.stream().filter(i -> i.time() >= 0)
                .map(i -> (Object) Map.of("customer", i.customer(), "item", i.item(), "time", i.time())).toList(),
                Map.of());
        return new AttackedGraph(neo4j, type);
    }

    public void inject(List<Interaction> profiles) {
        batches(neo4j, INJECT, profiles.stream().map(i -> (Object) Map.of("customer", i.customer(), "item", i.item(),
                "value", i.value(), "time", i.time())).toList(), Map.of("type", type));
    }

    /** Removes every attack profile and every flag. */
    public void reset() {
        neo4j.db().executeTransactionally(REMOVE_ATTACK, Map.of("prefix", PushAttack.PREFIX));
        neo4j.db().executeTransactionally(REMOVE_FLAGS);
        neo4j.db().executeTransactionally(UNMARK);
    }

    public Map<String, Object> detect() {
        return neo4j.rows("CALL kgrec.anomaly.detect() YIELD anomalies, byKind, flaggedCustomers, seconds "
                + "RETURN anomalies, byKind, flaggedCustomers, seconds", Map.of()).get(0);
    }

    /** Flagged customer id → the kinds that flag them. */
    public Map<String, Set<String>> flagged() {
        Map<String, Set<String>> out = new HashMap<>();
        neo4j.rows("CALL kgrec.anomaly.stream({limit: 100000}) YIELD customerId, kind RETURN customerId, kind", Map.of())
                .forEach(r -> out.computeIfAbsent((String) r.get("customerId"), k -> new HashSet<>())
                        .add((String) r.get("kind")));
        return out;
    }

    public double train(boolean excludeFlagged) {
        long t0 = System.nanoTime();
        neo4j.rows("CALL kgrec.train({seed: 42, excludeFlagged: $exclude})", Map.of("exclude", excludeFlagged));
        return (System.nanoTime() - t0) / 1e9;
    }

    public List<String> top(String customer, int k) {
        List<String> items = new ArrayList<>();
        neo4j.rows("CALL kgrec.recommend.stream($c, {topK: $k, maxReasons: 1}) YIELD itemId RETURN itemId",
                Map.of("c", customer, "k", k)).forEach(r -> items.add((String) r.get("itemId")));
        return items;
    }

    public List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        return neo4j.rows(cypher, parameters);
    }

    @Override
    public void close() {
        neo4j.close();
    }

    private static void batches(InProcessNeo4j neo4j, String cypher, List<Object> rows, Map<String, Object> extra) {
        for (int start = 0; start < rows.size(); start += 10_000) {
            Map<String, Object> params = new HashMap<>(extra);
            params.put("rows", rows.subList(start, Math.min(rows.size(), start + 10_000)));
            neo4j.db().executeTransactionally(cypher, params);
        }
    }
}
