package io.kgrec.cypher.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes every score of {@code kgrec.train}'s own pipeline (tune on a hold-out carved from valid_train, seed as given,
 * retrain on all of valid_train) for every customer and item, so that a probe outside Java can blend another signal
 * into the model and score valid.tsv (never the test split): {@code customers.txt} and {@code items.txt} (one id a
 * line, in the matrix's order) and {@code scores.f32} (customers × items little-endian floats, row by row).
 */
public final class ModelScoresDump {
    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        TsvDataset.Split valid = TsvDataset.load(Path.of(args[0]), "valid_train", "valid");
        Path out = Files.createDirectories(Path.of(args[1]));
        ModelTraining.TrainedModel trained = ModelTraining.tuneAndTrain(valid.data(), Long.parseLong(args[2]));
        System.out.printf("%s%ntuning hold-out nDCG@10 %.5f, valid.tsv nDCG@10 %.5f%n", trained.config(),
                trained.validationNdcg(),
                RankingMetrics.evaluate(trained.model(), valid.data(), valid.holdout(), 10).ndcg());
        Files.write(out.resolve("customers.txt"), valid.data().customerIds());
        Files.write(out.resolve("items.txt"), valid.data().itemIds());
        ByteBuffer row = ByteBuffer.allocate(Float.BYTES * valid.data().items()).order(ByteOrder.LITTLE_ENDIAN);
        try (SeekableByteChannel scores = Files.newByteChannel(out.resolve("scores.f32"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int c = 0; c < valid.data().customers(); c++) {
                row.clear();
                for (double score : trained.model().scores(valid.data().history(c, trained.model().transform()))) {
                    row.putFloat((float) score);
                }
                scores.write(row.flip());
            }
        }
    }
}
