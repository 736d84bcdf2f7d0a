package io.kgrec.loader.testing;

import io.kgrec.cypher.load.ContributeProc;
import io.kgrec.cypher.profile.ProfileStreamProc;
import io.kgrec.cypher.profile.ProfileWriteProc;
import io.kgrec.cypher.testing.DatabaseReset;
import io.kgrec.loader.schema.SchemaMigrator;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * A real in-process Neo4j reached over Bolt through the Java driver, exactly as the loader reaches any server. One
 * database serves every test class of the JVM (starting one costs seconds): {@link #start} hands it out empty, without
 * constraints or indexes, and {@link #close} empties it again. Test classes run one after another, so two never share
 * it at once.
 */
public final class BoltNeo4j implements AutoCloseable {
    private static BoltNeo4j shared;

    private final Neo4j neo4j;
    private final Driver driver;

    private BoltNeo4j(Neo4j neo4j) {
        this.neo4j = neo4j;
        this.driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
    }

    /**
     * The JVM's database, emptied, with kgrec's profile and load procedures, so loads refresh profiles and write
     * interactions with {@code kgrec.load.contribute} as they do on a real installation.
     */
    public static synchronized BoltNeo4j start() {
        if (shared == null) {
            shared = new BoltNeo4j(Neo4jBuilders.newInProcessBuilder().withDisabledServer()
                    .withProcedure(ProfileWriteProc.class).withProcedure(ProfileStreamProc.class)
                    .withProcedure(ContributeProc.class).build());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.driver.close();
                shared.neo4j.close();
            }));
        }
        shared.empty();
        return shared;
    }

    /** As {@link #start()}, with kgrec's constraints and indexes in place, as the loader and the API make them first. */
    public static BoltNeo4j startWithSchema() {
        BoltNeo4j neo4j = start();
        new SchemaMigrator(neo4j.driver(), neo4j.database()).migrate();
        return neo4j;
    }

    public Driver driver() {
        return driver;
    }

    public String database() {
        return "neo4j";
    }

    public long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get(0).asLong();
    }

    /** Deletes every node and relationship; the schema stays. */
    public void clear() {
        try (var session = driver.session()) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
    }

    /** Leaves the database empty for the next test class; the database itself lives as long as the JVM. */
    @Override
    public void close() {
        empty();
    }

    private void empty() {
        DatabaseReset.reset(neo4j.defaultDatabaseService());
    }
}
