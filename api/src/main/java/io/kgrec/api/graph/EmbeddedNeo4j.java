package io.kgrec.api.graph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.event.TransactionEventListener;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Neo4j 5.26 that kgrec runs when no {@code NEO4J_URI} is given: a real DBMS in this JVM, its data in
 * a folder that survives restarts, Bolt open so that any driver or Neo4j tool can connect, and GDS plus kgrec's own
 * procedures registered. Settings follow {@code shared/notes/neo4j-embedded.md}.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService dbms;
    private final GraphDatabaseAPI database;
    private final String boltAddress;

    private EmbeddedNeo4j(DatabaseManagementService dbms, GraphDatabaseAPI database, String boltAddress) {
        this.dbms = dbms;
        this.database = database;
        this.boltAddress = boltAddress;
    }

    /**
     * @throws IllegalArgumentException if Bolt would listen beyond loopback without a password
     * @throws BoltPortInUseException if something else listens on the Bolt address
     */
    public static EmbeddedNeo4j start(GraphSettings settings) {
        boolean loopback = settings.boltHost().equals("127.0.0.1") || settings.boltHost().equals("localhost")
                || settings.boltHost().equals("::1");
        boolean auth = !settings.password().isEmpty();
        if (!loopback && !auth) {
            throw new IllegalArgumentException("KGREC_BOLT_ADDRESS " + settings.boltHost() + " is not loopback: set "
                    + "NEO4J_PASSWORD so the embedded database does not accept anonymous connections");
        }
        long started = System.nanoTime();
        Path home = settings.dataDir().toAbsolutePath();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(settings.boltHost(), settings.boltPort()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*", "kgrec.*"))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(settings.pageCacheMiB()))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(30))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, settings.txLogRetention())
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (RuntimeException e) {
            // Neo4j reports a taken Bolt port as a lifecycle failure deep in its causes; name the port and the setting.
            throw BoltPortInUseException.ifBindFailure(e, settings.boltHost() + ":" + settings.boltPort());
        }
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(settings.database());
            if (auth) {
                Authentication.setInitialPassword(dbms, settings.username(), settings.password());
            }
            registerProcedures(db);
            String bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).toString();
            LOG.info("embedded Neo4j started in {} s: data in {}, Bolt on bolt://{}",
                    String.format("%.1f", (System.nanoTime() - started) / 1e9), home, bolt);
            return new EmbeddedNeo4j(dbms, db, bolt);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw BoltPortInUseException.ifBindFailure(e, settings.boltHost() + ":" + settings.boltPort());
        }
    }

    private static void registerProcedures(GraphDatabaseAPI db) {
        long started = System.nanoTime();
        GlobalProcedures procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
        ClassLoader loader = EmbeddedNeo4j.class.getClassLoader();
        ProcedureScanner.Found found = ProcedureScanner.scan(loader, "org.neo4j.gds", "io.kgrec.cypher");
        try {
            for (String name : found.procedures()) {
                procedures.registerProcedure(Class.forName(name, true, loader));
            }
            for (String name : found.functions()) {
                procedures.registerFunction(Class.forName(name, true, loader));
            }
            for (String name : found.aggregations()) {
                procedures.registerAggregationFunction(Class.forName(name, true, loader));
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot register procedures in the embedded database: " + e.getMessage(), e);
        }
        LOG.info("registered {} procedure classes, {} function classes and {} aggregation classes in {} s",
                found.procedures().size(), found.functions().size(), found.aggregations().size(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
    }

    /** host:port of the Bolt connector, e.g. {@code 127.0.0.1:7687}. */
    public String boltAddress() {
        return boltAddress;
    }

    public GraphDatabaseAPI database() {
        return database;
    }

    /** Calls the listener around every transaction committed to this database, over Bolt or in-process. */
    public void onCommit(TransactionEventListener<?> listener) {
        dbms.registerTransactionEventListener(database.databaseName(), listener);
    }

    /** Stops calling a listener given to {@link #onCommit}. */
    public void offCommit(TransactionEventListener<?> listener) {
        dbms.unregisterTransactionEventListener(database.databaseName(), listener);
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
