package io.kgrec.api.training;

import io.kgrec.api.graph.GraphConnection;
import java.util.concurrent.CompletableFuture;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a first model in the background when the service starts on a graph that has interactions but no model
 * (after the demo load, or a {@code kgrec load}). Until it is ready, recommendations come from the untrained path
 * walk, which needs no model; the switch happens atomically when training ends.
 */
public final class TrainOnStart {
    private static final Logger LOG = LoggerFactory.getLogger(TrainOnStart.class);
    private static final String NEEDS_MODEL = """
            OPTIONAL MATCH (m:Model {current: true})
            WITH count(m) = 0 AS noModel
            RETURN noModel AND EXISTS { MATCH (:Customer)-->(:Item) } AS needsModel
            """;

    private TrainOnStart() {
    }

    /** @return the background training, or a completed future when the graph needs none */
    public static CompletableFuture<Void> ifNeeded(GraphConnection graph, long seed) {
        boolean needed;
        try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
            needed = s.executeRead(tx -> tx.run(NEEDS_MODEL).single().get("needsModel").asBoolean());
        }
        if (!needed) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("no trained model yet: training one in the background; the untrained path walk serves meanwhile");
        return CompletableFuture.runAsync(() -> {
            try {
                ModelTrainer.Trained t = new ModelTrainer(graph).train(seed, new ProgressLog());
                LOG.info("model {} serves: {} similarities, validation nDCG@10 {}, trained in {} s", t.version(),
                        t.similarities(), String.format("%.4f", t.validationNdcg()),
                        String.format("%.1f", t.seconds()));
            } catch (RuntimeException e) {
                LOG.error("background training failed; the untrained path walk keeps serving", e);
            }
        });
    }
}
