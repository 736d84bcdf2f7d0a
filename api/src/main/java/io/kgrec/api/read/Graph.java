package io.kgrec.api.read;

import io.kgrec.api.graph.GraphConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.springframework.stereotype.Component;

/**
 * Runs parameterised queries in managed transactions against the configured database. Every transaction has a
 * timeout, so no request can hold the database for long.
 */
@Component
public class Graph {
    /** Reads serve page views; anything slower than this is a bug or an abuse. */
    static final TransactionConfig READ = TransactionConfig.builder().withTimeout(Duration.ofSeconds(10)).build();
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

    public <T> List<T> read(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        try (Session session = connection.driver().session(SessionConfig.forDatabase(connection.database()))) {
            transactions.incrementAndGet();
            return session.executeRead(tx -> tx.run(cypher, parameters).list(mapper::apply), READ);
        }
    }

    /** Runs a write and returns its rows once the transaction has committed (and so is durable). */
    public <T> List<T> write(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        try (Session session = connection.driver().session(SessionConfig.forDatabase(connection.database()))) {
            transactions.incrementAndGet();
            return session.executeWrite(tx -> tx.run(cypher, parameters).list(mapper::apply), WRITE);
        }
    }
}
