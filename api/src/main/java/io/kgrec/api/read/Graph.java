package io.kgrec.api.read;

import io.kgrec.api.graph.EmbeddedNeo4j;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.TransientRetry;
import io.kgrec.api.safety.RequestDeadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.springframework.stereotype.Component;

/**
 * Runs parameterised queries in managed transactions against the configured database. Every transaction has a
 * timeout, so no request can hold the database for long.
 */
@Component
public class Graph {
    /** Reads serve page views; anything slower than this is a bug or an abuse. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    static final TransactionConfig READ = TransactionConfig.builder().withTimeout(READ_TIMEOUT).build();
    static final TransactionConfig WRITE = TransactionConfig.builder().withTimeout(Duration.ofSeconds(10)).build();

    private final GraphConnection connection;
    private final AtomicLong transactions = new AtomicLong();

    public Graph(GraphConnection connection) {
        this.connection = connection;
    }

    /** How many transactions this component has run since start: the measure of N+1 query patterns. */
    public long transactionsRun() {
        return transactions.get();
    }

    /**
     * Rows of a read, run again after transient failures (a training run may rewrite what the read meets); still
     * failing, it is {@code UNAVAILABLE} (see {@link TransientRetry}).
     */
    public <T> List<T> read(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return TransientRetry.run("the read", () -> {
            try (Session session = connection.driver().session(SessionConfig.forDatabase(connection.database()))) {
                transactions.incrementAndGet();
                return session.executeRead(tx -> tx.run(cypher, parameters).list(mapper::apply), readConfig());
            }
        });
    }

    /**
     * A read whose rows come as plain Java values (maps, lists, strings, numbers; no nodes). With the embedded
     * database it runs in-process, which spares the hottest reads Bolt's encoding and decoding of every value on both
     * sides of the loopback socket; against a server it goes through the driver like every other read. The same
     * Cypher runs either way, with the same timeout, and a refusal surfaces as the same {@link ClientException}.
     */
    public <T> List<T> readRows(String cypher, Map<String, Object> parameters,
                                Function<Map<String, Object>, T> mapper) {
        if (connection.embedded().isEmpty()) {
            return read(cypher, parameters, r -> mapper.apply(r.asMap()));
        }
        return TransientRetry.run("the read", () -> {
            transactions.incrementAndGet();
            return readInProcess(connection.embedded().get(), cypher, parameters, mapper);
        });
    }

    private <T> List<T> readInProcess(EmbeddedNeo4j embedded, String cypher, Map<String, Object> parameters,
                                      Function<Map<String, Object>, T> mapper) {
        try (Transaction tx = embedded.database().beginTx(RequestDeadline.transactionTimeout(READ_TIMEOUT).toMillis(),
                TimeUnit.MILLISECONDS);
             Result result = tx.execute(cypher, parameters)) {
            List<T> rows = new ArrayList<>();
            while (result.hasNext()) {
                rows.add(mapper.apply(result.next()));
            }
            tx.commit();
            return rows;
        } catch (QueryExecutionException e) {
            // The driver's exception carries the status code and the whole message, which is all callers read.
            throw new ClientException(e.getStatusCode(), e.getMessage());
        }
    }

    /**
     * For reads that also serve the command line (the audit, the audit log): within a GraphQL request, the read
     * timeout shortened to what the request has left; outside one, no timeout, as a command's long reads need.
     */
    public static TransactionConfig requestBoundConfig() {
        return RequestDeadline.active() ? readConfig() : TransactionConfig.empty();
    }

    /** The read timeout, shortened to what the current request has left. */
    private static TransactionConfig readConfig() {
        Duration timeout = RequestDeadline.transactionTimeout(READ_TIMEOUT);
        return timeout.equals(READ_TIMEOUT) ? READ : TransactionConfig.builder().withTimeout(timeout).build();
    }

    /** Runs a write and returns its rows once the transaction has committed (and so is durable). */
    public <T> List<T> write(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return TransientRetry.run("the write", () -> {
            try (Session session = connection.driver().session(SessionConfig.forDatabase(connection.database()))) {
                transactions.incrementAndGet();
                return session.executeWrite(tx -> tx.run(cypher, parameters).list(mapper::apply), WRITE);
            }
        });
    }
}
