package io.kgrec.loader.testing;

import java.nio.file.Path;
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
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * An embedded Neo4j in a folder with Bolt on a free loopback port, configured like the application's embedded
 * database (page cache, no HTTP, no netty quiet period), plus an import folder for {@code LOAD CSV}. Benchmarks use it
 * so the loader is measured exactly as {@code kgrec load} runs it.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final DatabaseManagementService dbms;
    private final Driver driver;

    private EmbeddedDatabase(DatabaseManagementService dbms, Driver driver) {
        this.dbms = dbms;
        this.driver = driver;
    }

    /**
     * @param home       the database folder
     * @param importRoot where {@code LOAD CSV FROM 'file:///...'} reads
     * @param procedures plugin procedure classes to register, as a server's {@code plugins/} folder would
     */
    public static EmbeddedDatabase start(Path home, Path importRoot, long pageCacheMiB, Class<?>... procedures) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importRoot.toAbsolutePath())
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database("neo4j");
        GlobalProcedures registry = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
        for (Class<?> procedure : procedures) {
            try {
                registry.registerProcedure(procedure);
            } catch (ProcedureException e) {
                dbms.shutdown();
                throw new IllegalStateException("cannot register " + procedure.getName(), e);
            }
        }
        String bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).toString();
        return new EmbeddedDatabase(dbms, GraphDatabase.driver("bolt://" + bolt, AuthTokens.none()));
    }

    public Driver driver() {
        return driver;
    }

    public String database() {
        return "neo4j";
    }

    /** The database in process, for benchmarks that measure Neo4j itself without the driver. */
    public org.neo4j.graphdb.GraphDatabaseService service() {
        return dbms.database(database());
    }

    @Override
    public void close() {
        driver.close();
        dbms.shutdown();
    }
}
