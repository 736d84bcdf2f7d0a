package io.kgrec.api.training;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.model.schema.InteractionType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the current model into the serving memory (the plugin's model store) before customers ask for it, by asking for
 * one recommendation in a transaction that may take minutes. Without it the first page views after a start or a new
 * model wait for the whole model to be read from the graph (millions of weights on the demo data: seconds to tens of
 * seconds), longer than a page view's own timeout.
 */
public final class ModelWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(ModelWarmUp.class);
    private static final TransactionConfig PATIENT = TransactionConfig.builder().withTimeout(Duration.ofMinutes(10))
            .build();
    private static final String WARM = """
            MATCH (m:Model {current: true})
            WITH m LIMIT 1
            MATCH (c:Customer)-[r]->(:Item) WHERE type(r) IN $types
            WITH m, c LIMIT 1
            CALL kgrec.recommend.stream(c.id, {topK: 1, maxReasons: 1}) YIELD modelVersion
            RETURN m.version AS version
            LIMIT 1
            """;

    private ModelWarmUp() {
    }

    /** Loads the current model, if there is one; logs and carries on if it cannot. */
    public static void ifModel(GraphConnection graph) {
        long start = System.nanoTime();
        try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
            List<Long> versions = s.executeRead(tx -> tx.run(WARM,
                    Map.of("types", List.copyOf(InteractionType.relationshipTypes())))
                    .list(r -> r.get("version").asLong()), PATIENT);
            if (!versions.isEmpty()) {
                LOG.info("model {} loaded into serving memory in {} s", versions.get(0),
                        String.format("%.1f", (System.nanoTime() - start) / 1e9));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not load the current model ahead of requests; the first request will", e);
        }
    }
}
