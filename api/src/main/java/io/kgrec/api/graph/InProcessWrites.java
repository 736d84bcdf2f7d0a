package io.kgrec.api.graph;

import io.kgrec.loader.write.WriteTransactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;

/**
 * Write transactions run in-process on the embedded database: the same Cypher as through the driver, without a Bolt
 * round trip per statement and the encoding on both sides of the loopback socket (a purchase is three statements and
 * a commit). Transient failures (a deadlock between two customers' writes to the same item, or with a training run's
 * batch of item writes) roll back and run again for as long as the transaction timeout, as the driver's managed
 * transactions do; a refused statement surfaces as the driver's {@link ClientException}, which is what callers already
 * handle.
 */
public final class InProcessWrites implements WriteTransactions {
    /**
     * Five attempts within about 100 ms were not enough: a purchase made while the freshly loaded demo graph was
     * training failed at its fifth deadlock (CI, 2026-12-03). Pauses double from here up to the longest.
     */
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long LONGEST_PAUSE_MILLIS = 500;

    private final EmbeddedNeo4j embedded;
    private final Duration timeout;

    public InProcessWrites(EmbeddedNeo4j embedded, Duration timeout) {
        this.embedded = embedded;
        this.timeout = timeout;
    }

    /** In-process with the embedded database, through the driver against a server. */
    public static WriteTransactions of(GraphConnection graph, Duration timeout) {
        return graph.embedded().<WriteTransactions>map(e -> new InProcessWrites(e, timeout))
                .orElseGet(() -> WriteTransactions.through(graph.driver(), graph.database(),
                        TransactionConfig.builder().withTimeout(timeout).build()));
    }

    @Override
    public <T> T write(Function<Statements, T> work) {
        long giveUpAt = System.nanoTime() + timeout.toNanos();
        for (long pause = FIRST_PAUSE_MILLIS; ; pause = Math.min(2 * pause, LONGEST_PAUSE_MILLIS)) {
            try (Transaction tx = embedded.database().beginTx(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                T result = work.apply((cypher, parameters) -> rows(tx, cypher, parameters));
                tx.commit();
                return result;
            } catch (TransientFailureException e) {
                if (System.nanoTime() - giveUpAt >= 0) {
                    throw e;
                }
            } catch (QueryExecutionException e) {
                if (!e.getStatusCode().startsWith("Neo.TransientError") || System.nanoTime() - giveUpAt >= 0) {
                    throw new ClientException(e.getStatusCode(), e.getMessage());
                }
            }
            sleepAbout(pause);
        }
    }

    @Override
    public <T> T rehearse(Function<Statements, T> work) {
        try (Transaction tx = embedded.database().beginTx(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            T result = work.apply((cypher, parameters) -> rows(tx, cypher, parameters));
            tx.rollback();
            return result;
        } catch (QueryExecutionException e) {
            throw new ClientException(e.getStatusCode(), e.getMessage());
        }
    }

    private static List<Map<String, Object>> rows(Transaction tx, String cypher, Map<String, Object> parameters) {
        try (Result result = tx.execute(cypher, parameters)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.hasNext()) {
                rows.add(result.next());
            }
            return rows;
        }
    }

    /** Jittered, so two transactions that deadlocked do not meet again at once. */
    private static void sleepAbout(long millis) {
        try {
            Thread.sleep((long) (millis * (0.5 + Math.random())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }
}
