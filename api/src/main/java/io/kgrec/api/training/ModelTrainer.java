package io.kgrec.api.training;

import io.kgrec.api.graph.GraphConnection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Runs {@code kgrec.train} over Bolt (so it trains on the primary of a cluster) and, while it runs, reads the model's
 * status about once a second for whoever watches. The plugin publishes its progress on the running model node in
 * transactions of its own, so these reads see it although the training transaction is still open.
 */
public final class ModelTrainer {
    private static final String TRAIN = """
            CALL kgrec.train({seed: $seed})
            YIELD modelVersion, customers, items, similarities, validationNdcg, totalSeconds
            RETURN modelVersion, customers, items, similarities, validationNdcg, totalSeconds
            """;

    private final GraphConnection graph;

    public ModelTrainer(GraphConnection graph) {
        this.graph = graph;
    }

    /** What a training run produced. */
    public record Trained(long version, long customers, long items, long similarities, double validationNdcg,
            double seconds) {
    }

    /** @param watch told the model's status while training runs and once it has finished */
    public Trained train(long seed, TrainingWatch watch) {
        CompletableFuture<Record> run = CompletableFuture.supplyAsync(() -> {
            try (Session s = session()) {
                return s.executeWrite(tx -> tx.run(TRAIN, Map.of("seed", seed)).single());
            }
        });
        Record r = watch == TrainingWatch.NONE ? run.join() : await(run, watch);
        return new Trained(r.get("modelVersion").asLong(), r.get("customers").asLong(), r.get("items").asLong(),
                r.get("similarities").asLong(), r.get("validationNdcg").asDouble(), r.get("totalSeconds").asDouble());
    }

    private Record await(CompletableFuture<Record> run, TrainingWatch watch) {
        ModelStatusReader status = new ModelStatusReader(graph);
        try {
            while (true) {
                try {
                    Record done = run.get(1, TimeUnit.SECONDS);
                    watch.finished(status.read());
                    return done;
                } catch (TimeoutException stillRunning) {
                    watch.seen(status.read());
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        }
    }

    private Session session() {
        return graph.driver().session(SessionConfig.forDatabase(graph.database()));
    }
}
