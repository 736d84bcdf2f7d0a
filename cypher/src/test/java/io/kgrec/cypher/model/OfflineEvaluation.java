package io.kgrec.cypher.model;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The offline protocol for one benchmark folder: tune on valid_train → valid, retrain with the chosen configuration on
 * train, and write the top-10 (train items excluded) of every test customer to {@code <out>/<dataset>/recs.tsv}.
 * test.tsv is read only to know which customers to recommend for, never while choosing anything.
 *
 * <p>Usage: {@code java -cp cypher/target/classes:cypher/target/test-classes io.kgrec.cypher.model.OfflineEvaluation
 * <dataset dir> [out dir, default /work/scratch-model]}
 */
public final class OfflineEvaluation {
    private OfflineEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path dataset = Path.of(args[0]);
        Path out = Path.of(args.length > 1 ? args[1] : "/work/scratch-model").resolve(dataset.getFileName());
        long start = System.nanoTime();

        TsvDataset.Split validation = TsvDataset.load(dataset, "valid_train", "valid");
        Tuner.Result tuned = Tuner.tune(validation.data(), validation.holdout());
        tuned.log().forEach(line -> System.out.println("[tune] " + line));
        long tunedAt = System.nanoTime();

        TsvDataset.Split test = TsvDataset.load(dataset, "train", "test");
        HybridModel model = HybridTrainer.train(test.data(), tuned.config());
        long trainedAt = System.nanoTime();

        Files.createDirectories(out);
        Path recs = out.resolve("recs.tsv");
        int written = writeRecommendations(model, test, recs);
        long doneAt = System.nanoTime();

        System.out.println("config " + tuned.config());
        System.out.printf("validation nDCG@10 %.5f%n", tuned.ndcg());
        model.weights().forEach((family, w) -> System.out.println("stored " + family + " weights: " + w.nonZeros()));
        System.out.printf("timing: tune %.1fs, train %.1fs, recommend %.1fs (%d customers), total %.1fs%n",
                seconds(start, tunedAt), seconds(tunedAt, trainedAt), seconds(trainedAt, doneAt), written,
                seconds(start, doneAt));
        System.out.println("wrote " + recs);
    }

    private static int writeRecommendations(HybridModel model, TsvDataset.Split split, Path file) throws IOException {
        TrainingData data = split.data();
        int[][] lists = new int[data.customers()][];
        java.util.stream.IntStream.range(0, data.customers()).parallel()
                .filter(c -> split.holdout().of(c).length > 0)
                .forEach(c -> lists[c] = model.recommend(data.history(c, model.transform()), 10));
        int customers = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.print("customer_id\titem_id\trank\tscore\n");
            for (int c = 0; c < lists.length; c++) {
                if (lists[c] == null) {
                    continue;
                }
                customers++;
                double[] scores = model.scores(data.history(c, model.transform()));
                for (int r = 0; r < lists[c].length; r++) {
                    w.printf("%s\t%s\t%d\t%.6g%n", data.customerIds().get(c), data.itemIds().get(lists[c][r]), r + 1,
                            scores[lists[c][r]]);
                }
            }
        }
        return customers;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
