package io.kgrec.loader.write;

import io.kgrec.loader.LoadException;
import io.kgrec.loader.stage.InteractionAggregate;
import io.kgrec.loader.stage.InteractionKey;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

/**
 * The kgrec plugin's {@code kgrec.load.contribute}: the same contribution bookkeeping as
 * {@link InteractionStatements#CONTRIBUTE}, written with the core API inside the server, which saves planning and
 * interpreting Cypher for every batch. A server without the plugin keeps the Cypher statements.
 */
final class ContributeProcedure {
    static final String NAME = "kgrec.load.contribute";
    private static final String AVAILABLE = """
            SHOW PROCEDURES YIELD name WHERE name = $name RETURN count(*) > 0 AS available
            """;
    /** Parameters as the statements' ({@code $type}, {@code $source}, {@code $rows}), plus {@code $onlySource}. */
    static final String CALL = """
            CALL kgrec.load.contribute($type, $source, $rows, $onlySource)
            YIELD rows, written, missing, missingExamples
            RETURN rows, written, missing, missingExamples
            """;

    private ContributeProcedure() {
    }

    /** Whether the database's server has the procedure: asked once per load. */
    static boolean available(Driver driver, String database) {
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            return session.executeRead(tx -> tx.run(AVAILABLE, Map.of("name", NAME)).single()
                    .get("available").asBoolean());
        }
    }

    /**
     * Every row of a contribution must be written: the loader writes every customer and item before the
     * interactions, so a missing end means the graph changed under the load (a customer erased meanwhile, say).
     * Failing the batch leaves the file's contribution pending, and the next load completes it.
     */
    static Batches.Check everyRowWritten(String sourceKey) {
        return (result, rows) -> {
            Record record = result.single();
            long written = record.get("written").asLong();
            if (written != rows) {
                throw new LoadException(sourceKey + ": " + record.get("missing").asLong() + " of " + rows
                        + " interactions in a batch name a customer or item that is not in the graph, e.g. "
                        + record.get("missingExamples").asList(Value::asString) + "; nothing of the batch was written");
            }
        };
    }

    /** Taking a file's entry off: an end that no longer exists has no entry to take off, as with the statement. */
    static Batches.Check anyRows() {
        return (result, rows) -> result.consume();
    }

    /** A contribution row; money and time are left out when the file has none, which the procedure reads as none. */
    static Map<String, Object> row(InteractionKey key, InteractionAggregate a) {
        Map<String, Object> row = new HashMap<>(8);
        row.put("customer", key.customerId());
        row.put("item", key.itemId());
        row.put("raw", a.raw());
        row.put("count", a.count());
        if (a.spend() != null) {
            row.put("spend", a.spend());
        }
        if (a.latest() != null) {
            row.put("timestamp", a.latest());
        }
        return row;
    }

    static Map<String, Object> removal(InteractionKey key) {
        return Map.of("customer", key.customerId(), "item", key.itemId(), "raw", 0.0, "count", 0L, "remove", true);
    }

    static Map<String, Object> params(Map<String, Object> statementParams, boolean onlySource) {
        Map<String, Object> params = new HashMap<>(statementParams);
        params.put("onlySource", onlySource);
        return params;
    }
}
