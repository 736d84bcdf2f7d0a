package io.kgrec.cypher.model;

import java.util.List;

/**
 * The one call behind {@code kgrec.train}: tune on a validation split carved from the data itself, then retrain the
 * chosen configuration on all of it. Use {@link Tuner} and {@link HybridTrainer} directly when a validation split
 * already exists (as in the offline benchmark).
 */
public final class ModelTraining {
    /** Share of each customer's items held out for tuning, as in the benchmark splits. */
    public static final double VALIDATION_FRACTION = 0.2;

    private ModelTraining() {
    }

    /** The trained model, the configuration it was trained with, and how tuning went. */
    public record TrainedModel(HybridModel model, ModelConfig config, double validationNdcg, List<String> log) {
    }

    public static TrainedModel tuneAndTrain(TrainingData data, long seed) {
        return tuneAndTrain(data, ModelConfig.defaults(), seed);
    }

    /** {@code start} fixes what tuning does not search: budgets, fan-out limits, the embedding seed. */
    public static TrainedModel tuneAndTrain(TrainingData data, ModelConfig start, long seed) {
        ValidationSplit split = ValidationSplit.holdOut(data.interactions(), VALIDATION_FRACTION, seed);
        Tuner.Result tuned = Tuner.tune(data.withInteractions(split.train()), split.holdout(),
                start);
        return new TrainedModel(HybridTrainer.train(data, tuned.config()), tuned.config(), tuned.ndcg(),
                tuned.log());
    }
}
