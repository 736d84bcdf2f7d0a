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
 * a commit). Transient failures (a deadlock between two customers' writes to the same item) roll back and run again,
 * as the driver's managed transactions do; a refused statement surfaces as the driver's {@link ClientException}, which
 * is what callers already handle.
 */
public final class InProcessWrites implements WriteTransactions {
    private static final int ATTEMPTS = 5;

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
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = embedded.database().beginTx(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                T result = work.apply((cypher, parameters) -> rows(tx, cypher, parameters));
                tx.commit();
                return result;
            } catch (TransientFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (QueryExecutionException e) {
                if (!e.getStatusCode().startsWith("Neo.TransientError") || attempt == ATTEMPTS) {
                    throw new ClientException(e.getStatusCode(), e.getMessage());
                }
            }
            pause(attempt);
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

    /** A short, growing, jittered pause, so two transactions that deadlocked do not meet again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 10 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }
}
