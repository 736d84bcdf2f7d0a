package io.kgrec.cypher.train;

import io.kgrec.cypher.config.ConfigMap;
import java.util.Map;
import java.util.Set;

/**
 * Typed configuration of {@code kgrec.train}.
 *
 * @param seed           drives the validation hold-out and the embedding; same data and seed give the same model
 * @param writeBatchSize relationships written per transaction
 * @param excludeFlagged leave out what open or confirmed anomaly flags cover (kgrec.anomaly.detect)
 */
public record TrainConfig(long seed, int writeBatchSize, boolean excludeFlagged) {
    private static final Set<String> KEYS = Set.of("seed", "writeBatchSize", "excludeFlagged");

    public static TrainConfig of(Map<String, Object> raw) {
        ConfigMap c = ConfigMap.of(raw, KEYS);
        return new TrainConfig(c.intValue("seed", 42, 0, Integer.MAX_VALUE),
                c.intValue("writeBatchSize", 5_000, 100, 1_000_000), c.booleanValue("excludeFlagged", true));
    }
}
