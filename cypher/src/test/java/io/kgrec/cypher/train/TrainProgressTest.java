package io.kgrec.cypher.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.cypher.testing.InProcessNeo4j;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.Transaction;

/**
 * What another session sees of a kgrec.train run while it runs: the model node's phase and progress, read from a
 * second thread. The test holds a write lock on one item, which stops training inside its writing phases, so the
 * observer sees a run in progress however fast the machine is; it then lets go and training finishes.
 */
class TrainProgressTest {
    /** 80 customers in four taste groups over 40 items in four categories. */
    static final String GRAPH = """
            UNWIND range(0, 3) AS g
            CREATE (:Category {id: 'cat-' + g})
            WITH count(*) AS made
            UNWIND range(0, 39) AS i
            MATCH (cat:Category {id: 'cat-' + (i % 4)})
            CREATE (:Item {id: 'item-' + i})-[:IN_CATEGORY]->(cat)
            WITH count(*) AS made
            UNWIND range(0, 79) AS c
            CREATE (customer:Customer {id: 'c-' + c})
            WITH customer, c
            UNWIND range(0, 6) AS k
            MATCH (item:Item {id: 'item-' + ((c % 4) + 4 * ((c * 7 + k * 3) % 10))})
            MERGE (customer)-[:PURCHASED {raw: 1.0}]->(item)
            """;
    private static final String MODEL = """
            MATCH (m:Model) RETURN m.status AS status, m.phase AS phase, m.progress AS progress,
                   m.phaseProgress AS phaseProgress, m.phases AS phases, m.phaseSeconds AS phaseSeconds
            ORDER BY m.version DESC LIMIT 1
            """;

    private static InProcessNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start(TrainProc.class);
        neo4j.run(GRAPH);
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @Test
    void progress_rises_through_named_phases_to_one_while_another_session_watches() throws Exception {
        List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Map<String, Object>> stalledInWriting = new CompletableFuture<>();
        CompletableFuture<Object> training;
        try (Transaction hold = neo4j.db().beginTx()) {
            hold.execute("MATCH (i:Item {id: 'item-0'}) SET i.heldByTheTest = true").close();
            training = CompletableFuture.supplyAsync(() -> neo4j.rows("CALL kgrec.train({seed: 3})", Map.of())
                    .get(0).get("modelVersion"));
            CompletableFuture<Void> watching = CompletableFuture.runAsync(() -> {
                while (!training.isDone()) {
                    List<Map<String, Object>> rows = neo4j.rows(MODEL, Map.of());
                    if (!rows.isEmpty()) {
                        Map<String, Object> row = rows.get(0);
                        seen.add(row);
                        if ("running".equals(row.get("status")) && ((String) row.get("phase")).startsWith("writing")) {
                            stalledInWriting.complete(row);
                        }
                    }
                    LockSupport.parkNanos(20_000_000L); // pace the reads; what the test waits on is the futures
                }
            });
            Map<String, Object> running = stalledInWriting.get(2, TimeUnit.MINUTES);

            assertThat((Double) running.get("progress")).isGreaterThan(0.5).isLessThan(1.0);
            assertThat((String[]) running.get("phases")).startsWith("reading the graph",
                    "tuning on a validation hold-out", "fitting the chosen model");
            hold.rollback();
            assertThat(training.get(2, TimeUnit.MINUTES)).isEqualTo(1L);
            watching.get(1, TimeUnit.MINUTES);
        }

        assertThat(seen).isNotEmpty();
        List<Double> progress = seen.stream().map(r -> (Double) r.get("progress")).toList();
        assertThat(progress).isSorted();
        Map<String, Object> last = neo4j.rows(MODEL, Map.of()).get(0);
        assertThat(last.get("status")).isEqualTo("ready");
        assertThat(last.get("phase")).isEqualTo("done");
        assertThat(last.get("progress")).isEqualTo(1.0);
        assertThat((String[]) last.get("phases")).containsExactly("reading the graph",
                "tuning on a validation hold-out", "fitting the chosen model", "writing item similarities",
                "writing popularity and segments");
        assertThat(Arrays.stream((double[]) last.get("phaseSeconds")).boxed().toList()).hasSize(5)
                .allSatisfy(s -> assertThat(s).isNotNegative());
    }
}
