package io.kgrec.cypher.train;

import io.kgrec.cypher.model.EaseSolution;
import io.kgrec.cypher.model.HybridModel;
import io.kgrec.cypher.model.ModelConfig;
import io.kgrec.cypher.model.ModelTraining;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.logging.Log;

/**
 * One run of {@code kgrec.train}: read the graph, tune on a hold-out carved from it and train, write the weights
 * under a new model version, switch the new version on, and remove the old one. Progress goes to the model node
 * (phase and fraction, readable by Cypher while training runs) and to the Neo4j log.
 */
final class Training {
    private final GraphDatabaseService db;
    private final Transaction tx;
    private final Log log;
    private final TrainConfig config;

    Training(GraphDatabaseService db, Transaction tx, Log log, TrainConfig config) {
        this.db = db;
        this.tx = tx;
        this.log = log;
        this.config = config;
    }

    TrainResult run() {
        ModelRegistry registry = new ModelRegistry(db);
        long version = registry.begin(config.seed());
        RunProgress progress = new RunProgress(registry, version, log);
        long started = System.nanoTime();
        try {
            progress.enter(TrainingPhase.READING);
            ExportedGraph graph = GraphExport.read(tx, config.excludeFlagged());
            if (graph.data().interactions().nonZeros() == 0) {
                throw new IllegalArgumentException("the graph has no customer–item interactions to learn from; "
                        + "load some first");
            }
            long exported = System.nanoTime();
            ModelConfig start = ModelConfig.defaults();
            long tuningScores = TrainingMemory.ofFreeHeap(config.heapFraction()).tuningScores(config.tuningScores(),
                    graph.data().items(), EaseSolution.denseItems(graph.data().interactions(), start.ease().minCount(),
                            start.ease().maxDenseItems()).length);
            progress.enter(TrainingPhase.TUNING);
            ModelTraining.TrainedModel trained = ModelTraining.tuneAndTrain(graph.data(),
                    start, config.seed(), tuningScores, new ModelTraining.Steps() {
                        private boolean fitting;

                        @Override
                        public void tuning(double fraction) {
                            progress.within(fraction);
                        }

                        @Override
                        public void fitting(double fraction) {
                            if (!fitting) {
                                fitting = true;
                                progress.enter(TrainingPhase.FITTING);
                            }
                            progress.within(fraction);
                        }
                    });
            HybridModel model = trained.model();
            long fitted = System.nanoTime();
            progress.enter(TrainingPhase.WRITING_SIMILARITIES);
            ModelWriter writer = new ModelWriter(db, config.writeBatchSize());
            long similarities = writer.writeSimilarities(graph, model, version, progress::within);
            progress.enter(TrainingPhase.WRITING_PRIORS);
            writer.writePopularity(graph, model.prior().share());
            registry.writeSegments(version, model.prior(), graph.data().itemIds());
            Map<String, Object> properties = modelProperties(graph, trained, similarities);
            properties.putAll(progress.finish());
            registry.activate(version, properties);
            long written = System.nanoTime();
            long removed = writer.removeOlderThan(version);
            registry.removeSegmentsOlderThan(version);
            log.info("kgrec.train: model %d ready: %d similarities, validation nDCG@10 %.4f, removed %d old",
                    version, similarities, trained.validationNdcg(), removed);
            return new TrainResult(version, graph.data().customers(), graph.data().items(),
                    graph.data().interactions().nonZeros(), graph.attributes().size(), similarities,
                    trained.validationNdcg(), trained.config().toString(),
                    seconds(started, exported), seconds(exported, fitted), seconds(fitted, written),
                    seconds(started, System.nanoTime()));
        } catch (RuntimeException e) {
            registry.fail(version, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    private Map<String, Object> modelProperties(ExportedGraph graph, ModelTraining.TrainedModel trained,
            long similarities) {
        HybridModel model = trained.model();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("parameters", trained.config().toString());
        p.put("transform", model.transform().name());
        p.put("priorWeight", model.prior().weight());
        p.put("priorDecay", model.prior().decay());
        if (model.prior().segments() != null) {
            p.put("segmentColumn", model.prior().segments().name());
        }
        p.put("validationNdcg", trained.validationNdcg());
        p.put("customers", (long) graph.data().customers());
        p.put("items", (long) graph.data().items());
        p.put("interactions", (long) graph.data().interactions().nonZeros());
        p.put("similarities", similarities);
        p.put("tuningLog", trained.log().toArray(String[]::new));
        return p;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
