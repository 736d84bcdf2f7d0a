package io.kgrec.cypher.model;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Experiment on validation data only: tune on a hold-out carved from valid_train (as kgrec.train does), retrain on all
 * of valid_train with EASE's λ scaled by s, and score on valid. Says whether λ should grow with the training data.
 */
public final class LambdaScaleProbe {
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        TsvDataset.Split valid = TsvDataset.load(Path.of(args[0]), "valid_train", "valid");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        TrainingData data = valid.data();
        ValidationSplit nested = ValidationSplit.holdOut(data.interactions(), ModelTraining.VALIDATION_FRACTION, seed);
        Tuner.Result tuned = Tuner.tune(data.withInteractions(nested.train()), nested.holdout());
        System.out.println("tuned " + tuned.config());
        for (double s : new double[] {1.0, 1.25, 1.5625, 2.0}) {
            ModelConfig c = tuned.config().withEase(tuned.config().ease().withLambda(tuned.config().ease().lambda() * s));
            HybridModel m = HybridTrainer.train(data, c);
            System.out.printf("%s seed %d lambda x%.4f -> valid nDCG@10 %.5f%n", Path.of(args[0]).getFileName(), seed, s,
                    RankingMetrics.evaluate(m, data, valid.holdout(), 10).ndcg());
        }
    }
}
