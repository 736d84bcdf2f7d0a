package io.kgrec.api.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;

/** The embedded database runs with the settings kgrec gives it, not Neo4j's defaults. */
class EmbeddedNeo4jIT {

    @TempDir
    Path home;

    @Test
    void keepsTheTransactionLogsTheEnvironmentAsksFor() {
        GraphSettings settings = GraphSettings.from(Map.of("KGREC_TX_LOG_RETENTION", "3 files")::get)
                .withDataDir(home).withBoltPort(0);

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings)) {
            Config config = neo4j.database().getDependencyResolver().resolveDependency(Config.class);
            assertThat(config.get(GraphDatabaseSettings.keep_logical_logs)).isEqualTo("3 files");
        }
    }

    @Test
    void keepsHalfAGigabyteOfTransactionLogsByDefaultInsteadOfTwoDays() {
        GraphSettings settings = GraphSettings.from(Map.<String, String>of()::get).withDataDir(home).withBoltPort(0);

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings)) {
            Config config = neo4j.database().getDependencyResolver().resolveDependency(Config.class);
            assertThat(config.get(GraphDatabaseSettings.keep_logical_logs)).isEqualTo("512M size")
                    .isNotEqualTo(GraphDatabaseSettings.keep_logical_logs.defaultValue());
        }
    }
}
