package io.kgrec.cypher.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether averaging validation nDCG over several carved hold-outs picks better configurations than one hold-out:
 * tunes once per fold seed, then scores every chosen configuration on every fold and on the test split. Prints the
 * matrix; the selection rules are compared by reading it (never used to choose anything in the product).
 */
public final class FoldCrossProbe {
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        TsvDataset.Split test = TsvDataset.load(Path.of(args[0]), "train", "test");
        List<Long> seeds = new ArrayList<>();
        for (int a = 1; a < args.length; a++) {
            seeds.add(Long.parseLong(args[a]));
        }
        List<ValidationSplit> folds = new ArrayList<>();
        List<ModelConfig> configs = new ArrayList<>();
        for (long seed : seeds) {
            ValidationSplit split = ValidationSplit.holdOut(test.data().interactions(),
                    ModelTraining.VALIDATION_FRACTION, seed);
            folds.add(split);
            Tuner.Result tuned = Tuner.tune(test.data().withInteractions(split.train()), split.holdout());
            configs.add(tuned.config());
            System.out.printf("seed %d tuned: validation %.5f config %s%n", seed, tuned.ndcg(), tuned.config());
        }
        for (int c = 0; c < configs.size(); c++) {
            StringBuilder row = new StringBuilder("config of seed " + seeds.get(c) + ":");
            double sum = 0;
            for (ValidationSplit fold : folds) {
                TrainingData train = test.data().withInteractions(fold.train());
                double v = RankingMetrics.evaluate(HybridTrainer.train(train, configs.get(c)), train, fold.holdout(),
                        10).ndcg();
                sum += v;
                row.append(String.format(" %.5f", v));
            }
            double t = RankingMetrics.evaluate(HybridTrainer.train(test.data(), configs.get(c)), test.data(),
                    test.holdout(), 10).ndcg();
            row.append(String.format(" | mean %.5f | test %.5f", sum / folds.size(), t));
            System.out.println(row);
        }
    }
}
