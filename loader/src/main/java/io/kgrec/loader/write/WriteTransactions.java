package io.kgrec.loader.write;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;

/**
 * Runs a unit of work in one write transaction, retried on transient failures such as deadlocks, and returns once it
 * has committed. Through the driver by default; a caller that holds the database in-process may run the same Cypher
 * there, sparing each statement its Bolt round trip.
 */
public interface WriteTransactions {

    /** The statements of one transaction; rows come as plain Java values (strings, numbers, lists, maps). */
    @FunctionalInterface
    interface Statements {
        List<Map<String, Object>> run(String cypher, Map<String, Object> parameters);
    }

    /** Runs the work, possibly more than once if a transient failure rolls it back; it must have no other effects. */
    <T> T write(Function<Statements, T> work);

    /** Write transactions through the driver, with its retries, each with the given configuration. */
    static WriteTransactions through(Driver driver, String database, TransactionConfig config) {
        return new WriteTransactions() {
            @Override
            public <T> T write(Function<Statements, T> work) {
                try (Session session = driver.session(SessionConfig.forDatabase(database))) {
                    return session.executeWrite(tx -> work.apply((cypher, parameters) ->
                            tx.run(cypher, parameters).list(r -> r.asMap())), config);
                }
            }
        };
    }

    /**
     * Write transactions through the driver that have committed, or are rolled back for good, within the deadline's
     * budget, retries included (the driver's own retries run for up to 30 s whatever a transaction's timeout).
     */
    static WriteTransactions within(Driver driver, String database, Duration budget) {
        WriteDeadline deadline = new WriteDeadline(budget, WriteTransactions::worthRetrying);
        return new WriteTransactions() {
            @Override
            public <T> T write(Function<Statements, T> work) {
                return deadline.run(left -> {
                    try (Session session = driver.session(SessionConfig.forDatabase(database));
                            Transaction tx = session.beginTransaction(TransactionConfig.builder().withTimeout(left)
                                    .build())) {
                        T result = work.apply((cypher, parameters) -> tx.run(cypher, parameters).list(r -> r.asMap()));
                        tx.commit();
                        return result;
                    }
                });
            }
        };
    }

    /**
     * Whether a failed attempt through the driver may commit if run again: a transient failure (a deadlock), or a
     * transaction cut off by its timeout, which on a write means it waited for locks that others held.
     */
    static boolean worthRetrying(RuntimeException e) {
        return e instanceof RetryableException
                || e instanceof Neo4jException n && cutOffByItsTimeout(n.code());
    }

    /**
     * Whether a status is that of a transaction its timeout ended: while it ran, or while it waited for a lock (then
     * Neo4j stops its lock client, which it also does for an operator's termination or a shutdown).
     */
    static boolean cutOffByItsTimeout(String status) {
        return status != null && (status.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")
                || status.equals("Neo.ClientError.Transaction.LockClientStopped"));
    }
}
