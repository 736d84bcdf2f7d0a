package io.kgrec.api.graph;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The application's way to the graph: a Bolt driver, to an external server or to the embedded database (plus, for the
 * hottest plain-value reads, the embedded database in-process: see {@link io.kgrec.api.read.Graph#readRows}).
 * Everything else — GraphQL, the loader, training — goes through this driver, so embedded and clustered deployments
 * run the same Cypher.
 */
public final class GraphConnection implements AutoCloseable {
    private final Driver driver;
    private final String database;
    private final Optional<EmbeddedNeo4j> embedded;

    private GraphConnection(Driver driver, String database, Optional<EmbeddedNeo4j> embedded) {
        this.driver = driver;
        this.database = database;
        this.embedded = embedded;
    }

    /** Connects to {@code NEO4J_URI}, or starts the embedded database when it is not set. */
    public static GraphConnection open(GraphSettings settings) {
        // Driver logs go through SLF4J like everything else, so the application's logging settings govern them; a
        // retried transaction is one WARN line. The driver's own retries stay short (its default is 30 s): a request
        // has 15 s in all, and TransientRetry retries what the driver does not see as transient (failures inside
        // kgrec procedures).
        Config config = Config.builder().withMaxConnectionPoolSize(64).withLogging(DriverLogging.oneLineWarnings())
                .withMaxTransactionRetryTime(3, TimeUnit.SECONDS).build();
        if (!settings.embedded()) {
            Driver driver = GraphDatabase.driver(settings.uri().orElseThrow(), auth(settings), config);
            driver.verifyConnectivity();
            return new GraphConnection(driver, settings.database(), Optional.empty());
        }
        EmbeddedNeo4j db = EmbeddedNeo4j.start(settings);
        try {
            Driver driver = GraphDatabase.driver("bolt://" + db.boltAddress(), auth(settings), config);
            driver.verifyConnectivity();
            return new GraphConnection(driver, settings.database(), Optional.of(db));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static AuthToken auth(GraphSettings settings) {
        return settings.password().isEmpty() ? AuthTokens.none()
                : AuthTokens.basic(settings.username(), settings.password());
    }

    public Driver driver() {
        return driver;
    }

    public String database() {
        return database;
    }

    public Optional<EmbeddedNeo4j> embedded() {
        return embedded;
    }

    @Override
    public void close() {
        driver.close();
        embedded.ifPresent(EmbeddedNeo4j::close);
    }
}
