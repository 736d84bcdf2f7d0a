package io.kgrec.loader.write;

import io.kgrec.loader.LoadException;
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

    static Map<String, Object> params(Map<String, Object> statementParams, boolean onlySource) {
        Map<String, Object> params = new HashMap<>(statementParams);
        params.put("onlySource", onlySource);
        return params;
    }
}
