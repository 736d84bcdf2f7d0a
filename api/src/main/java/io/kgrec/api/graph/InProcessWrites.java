package io.kgrec.api.graph;

import io.kgrec.loader.write.WriteDeadline;
import io.kgrec.loader.write.WriteTransactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;
import org.neo4j.kernel.api.exceptions.Status;

/**
 * Write transactions run in-process on the embedded database: the same Cypher as through the driver, without a Bolt
 * round trip per statement and the encoding on both sides of the loopback socket (a purchase is three statements and
 * a commit). Transient failures (a deadlock between two customers' writes to the same item, or with a training run's
 * batch of item writes) roll back and run again, each attempt with the time left of the budget as its timeout, so a
 * write has committed or is gone for good when the budget is spent ({@link WriteDeadline}); a refused statement
 * surfaces as the driver's {@link ClientException}, which is what callers already handle.
 */
public final class InProcessWrites implements WriteTransactions {
    private final EmbeddedNeo4j embedded;
    private final WriteDeadline deadline;

    /**
     * @param budget the longest a write may take, its retries included
     */
    public InProcessWrites(EmbeddedNeo4j embedded, Duration budget) {
        this.embedded = embedded;
        this.deadline = new WriteDeadline(budget, InProcessWrites::worthRetrying);
    }

    /** In-process with the embedded database, through the driver against a server; either way within the budget. */
    public static WriteTransactions of(GraphConnection graph, Duration budget) {
        return graph.embedded().<WriteTransactions>map(e -> new InProcessWrites(e, budget))
                .orElseGet(() -> WriteTransactions.within(graph.driver(), graph.database(), budget));
    }

    @Override
    public <T> T write(Function<Statements, T> work) {
        try {
            return deadline.run(left -> {
                try (Transaction tx = embedded.database().beginTx(left.toMillis(), TimeUnit.MILLISECONDS)) {
                    T result = work.apply((cypher, parameters) -> rows(tx, cypher, parameters));
                    tx.commit();
                    return result;
                }
            });
        } catch (QueryExecutionException e) {
            throw new ClientException(e.getStatusCode(), e.getMessage());
        }
    }

    /**
     * A deadlock, or a lock wait that the attempt's own timeout cut off: both may commit if run again. In-process, a
     * statement's failure arrives as a {@link QueryExecutionException} carrying the status.
     */
    private static boolean worthRetrying(RuntimeException e) {
        if (e instanceof TransientFailureException) {
            return true;
        }
        String status = e instanceof QueryExecutionException q ? q.getStatusCode()
                : e instanceof Status.HasStatus s ? s.status().code().serialize() : null;
        return status != null && (status.startsWith("Neo.TransientError")
                || WriteTransactions.cutOffByItsTimeout(status));
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
}
