package io.kgrec.cypher.train;

import io.kgrec.cypher.config.ConfigMap;
import io.kgrec.cypher.model.ModelTraining;
import java.util.Map;
import java.util.Set;

/**
 * Typed configuration of {@code kgrec.train}.
 *
 * @param seed           drives the validation hold-out and the embedding; same data and seed give the same model
 * @param writeBatchSize relationships written per transaction
 * @param excludeFlagged leave out what open or confirmed anomaly flags cover (kgrec.anomaly.detect)
 * @param tuningScores   memory cap of tuning, in customers × items scores per model family (4 bytes each): when the
 *                       graph is larger, the validation hold-out is scored on a seeded sample of
 *                       tuningScores / items customers. The default (2^28, 1 GiB per family) leaves every real
 *                       benchmark dataset and 10× ml-100k unsampled; 100× ml-100k (168,200 items) scores 1,595
 *                       customers instead of 94k, which would need 63 GB per family
 * @param heapFraction   the share of the heap that is free when a run starts that the run may use (the rest stays with
 *                       the database and the service); tuning samples fewer customers to fit, and a run that cannot
 *                       fit at all is refused before it starts ({@link TrainingMemory})
 */
public record TrainConfig(long seed, int writeBatchSize, boolean excludeFlagged, long tuningScores,
        double heapFraction) {
    private static final Set<String> KEYS = Set.of("seed", "writeBatchSize", "excludeFlagged", "tuningScores",
            "heapFraction");

    public static TrainConfig of(Map<String, Object> raw) {
        ConfigMap c = ConfigMap.of(raw, KEYS);
        return new TrainConfig(c.intValue("seed", 42, 0, Integer.MAX_VALUE),
                c.intValue("writeBatchSize", 5_000, 100, 1_000_000), c.booleanValue("excludeFlagged", true),
                (long) c.doubleValue("tuningScores", ModelTraining.DEFAULT_TUNING_SCORES, 1e4, 1e12),
                c.doubleValue("heapFraction", 0.6, 1e-6, 1.0));
    }
}
