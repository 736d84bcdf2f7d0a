package io.kgrec.cypher.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The one call behind {@code kgrec.train}: tune on a validation split carved from the data itself, then retrain the
 * chosen configuration on all of it. Use {@link Tuner} and {@link HybridTrainer} directly when a validation split
 * already exists (as in the offline benchmark).
 */
public final class ModelTraining {
    /** Share of each customer's items held out for tuning, as in the benchmark splits. */
    public static final double VALIDATION_FRACTION = 0.2;

    /**
     * Default budget of customers × items scores the tuner may hold per model family: the tuner caches each family's
     * score vector for every scored customer as floats, so this is 1 GiB per family. It caps the scored customers
     * only when customers × items exceed it (at 168,200 items: 1,595 customers); every real benchmark dataset and
     * 10× ml-100k stay below it, so their tuning is unchanged.
     */
    public static final long DEFAULT_TUNING_SCORES = 1L << 28;

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
        return tuneAndTrain(data, start, seed, DEFAULT_TUNING_SCORES);
    }

    /**
     * @param tuningScores at most this many customers × items scores per family while tuning: above it, the
     *                     validation hold-out is scored on a seeded sample of floor(tuningScores / items) customers
     */
    public static TrainedModel tuneAndTrain(TrainingData data, ModelConfig start, long seed, long tuningScores) {
        return tuneAndTrain(data, start, seed, tuningScores, Steps.QUIET);
    }

    /** Where the two long steps, tuning and the final fit, report how far they are (fractions from 0 to 1). */
    public interface Steps {
        Steps QUIET = new Steps() {
            @Override
            public void tuning(double fraction) {
            }

            @Override
            public void fitting(double fraction) {
            }
        };

        void tuning(double fraction);

        void fitting(double fraction);
    }

    /** As above, telling {@code steps} how far tuning, then the final fit, have come. */
    public static TrainedModel tuneAndTrain(TrainingData data, ModelConfig start, long seed, long tuningScores,
            Steps steps) {
        ValidationSplit split = ValidationSplit.holdOut(data.interactions(), VALIDATION_FRACTION, seed);
        int maxCustomers = (int) Math.min(Integer.MAX_VALUE, Math.max(1, tuningScores / Math.max(1, data.items())));
        Holdout scored = split.holdout().sample(maxCustomers, seed);
        Tuner.Result tuned = Tuner.tune(data.withInteractions(split.train()), scored, start, steps::tuning);
        List<String> log = new ArrayList<>();
        if (scored != split.holdout()) {
            log.add(String.format("tuning scored a sample of %d of %d hold-out customers (tuningScores %d / %d items)",
                    scored.evaluated(), split.holdout().evaluated(), tuningScores, data.items()));
        }
        log.addAll(tuned.log());
        return new TrainedModel(HybridTrainer.train(data, tuned.config(), steps::fitting), tuned.config(), tuned.ndcg(),
                List.copyOf(log));
    }
}
