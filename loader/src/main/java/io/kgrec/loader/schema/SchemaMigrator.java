package io.kgrec.loader.schema;

import io.kgrec.model.schema.Migration;
import io.kgrec.model.schema.Migrations;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Applies the versioned schema migrations of {@link Migrations} that a database has not seen, and records each as a
 * {@code :SchemaMigration} node with its checksum. Schema statements run in their own transactions (Neo4j does not
 * mix schema and data changes), and every statement is {@code IF NOT EXISTS}, so two instances starting at once, or a
 * crash between a statement and its record, are harmless.
 */
public final class SchemaMigrator {
    private static final String APPLIED = """
            MATCH (m:SchemaMigration) RETURN m.version AS version, m.checksum AS checksum
            """;
    private static final String RECORD = """
            MERGE (m:SchemaMigration {version: $version})
            SET m.description = $description, m.checksum = $checksum
            """;

    private final Driver driver;
    private final String database;

    public SchemaMigrator(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    /**
     * @return the versions applied by this call (empty when the schema was current)
     * @throws IllegalStateException if a recorded migration's checksum differs from the shipped file
     */
    public List<Integer> migrate() {
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            Map<Integer, String> applied = session.executeRead(tx -> tx.run(APPLIED).list()).stream()
                    .collect(java.util.stream.Collectors.toMap(r -> r.get("version").asInt(),
                            (Record r) -> r.get("checksum").asString()));
            List<Integer> ran = new java.util.ArrayList<>();
            for (Migration m : Migrations.all()) {
                String recorded = applied.get(m.version());
                if (recorded != null) {
                    if (!recorded.equals(m.checksum())) {
                        throw new IllegalStateException("schema migration V" + m.version() + " (" + m.description()
                                + ") was changed after it was applied to database '" + database
                                + "'; released migrations must never be edited");
                    }
                    continue;
                }
                for (String statement : m.statements()) {
                    session.run(statement).consume();
                }
                session.executeWriteWithoutResult(tx -> tx.run(RECORD, Map.of("version", m.version(),
                        "description", m.description(), "checksum", m.checksum())).consume());
                ran.add(m.version());
            }
            return ran;
        }
    }
}
