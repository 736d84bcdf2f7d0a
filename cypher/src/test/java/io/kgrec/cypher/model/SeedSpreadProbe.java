package io.kgrec.cypher.model;

import java.nio.file.Path;
import java.util.Locale;

/** How much the test nDCG@10 of kgrec.train's own pipeline (tune on a carved hold-out, retrain) moves with the seed. */
public final class SeedSpreadProbe {
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        TsvDataset.Split test = TsvDataset.load(Path.of(args[0]), "train", "test");
        for (int a = 1; a < args.length; a++) {
            long seed = Long.parseLong(args[a]);
            ModelTraining.TrainedModel trained = ModelTraining.tuneAndTrain(test.data(), seed);
            System.out.printf("%s seed %d: validation %.5f test nDCG@10 %.5f%n", Path.of(args[0]).getFileName(), seed,
                    trained.validationNdcg(),
                    RankingMetrics.evaluate(trained.model(), test.data(), test.holdout(), 10).ndcg());
        }
    }
}
