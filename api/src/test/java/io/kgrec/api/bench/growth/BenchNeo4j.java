package io.kgrec.api.bench.growth;

import io.kgrec.cypher.profile.ProfileStreamProc;
import io.kgrec.cypher.profile.ProfileWriteProc;
import io.kgrec.cypher.recommend.ExplainStreamProc;
import io.kgrec.cypher.recommend.RecommendStreamProc;
import io.kgrec.cypher.recommend.SimilarStreamProc;
import io.kgrec.cypher.train.TrainProc;
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
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The application's embedded Neo4j (io.kgrec.api.graph.EmbeddedNeo4j) as the growth benchmark needs it: the same
 * settings and kgrec's procedures reached through the Bolt driver, but with a page cache sized per run, no GDS (the
 * measured path does not use it; registering it costs seconds and memory) and no 30-minute transaction timeout, so
 * that a long training at the largest size is measured rather than cut off.
 */
final class BenchNeo4j implements AutoCloseable {
    private final DatabaseManagementService dbms;
    private final Driver driver;

    private BenchNeo4j(DatabaseManagementService dbms, Driver driver) {
        this.dbms = dbms;
        this.driver = driver;
    }

    static BenchNeo4j start(Path home, long pageCacheMiB) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("kgrec.*"))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ZERO)
                // Neo4j keeps two days of transaction logs by default; writing the 100x model filled a 56 GB disk
                // with them. The benchmark needs no point-in-time recovery, so 1 GiB of logs is kept.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1G size")
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database("neo4j");
            GlobalProcedures procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
            for (Class<?> p : List.of(TrainProc.class, RecommendStreamProc.class, ExplainStreamProc.class,
                    SimilarStreamProc.class, ProfileWriteProc.class, ProfileStreamProc.class)) {
                procedures.registerProcedure(p);
            }
            String bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).toString();
            // The application's driver settings (GraphConnection): a pool of 64 connections.
            Driver driver = GraphDatabase.driver("bolt://" + bolt, AuthTokens.none(),
                    Config.builder().withMaxConnectionPoolSize(64).build());
            driver.verifyConnectivity();
            return new BenchNeo4j(dbms, driver);
        } catch (Exception e) {
            dbms.shutdown();
            throw new IllegalStateException("cannot start the benchmark database: " + e.getMessage(), e);
        }
    }

    Driver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
        dbms.shutdown();
    }
}
