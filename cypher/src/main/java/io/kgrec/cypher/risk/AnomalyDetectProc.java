package io.kgrec.cypher.risk;

import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.anomaly.detect}: finds bots and shilling in the interactions and flags them for review. */
public class AnomalyDetectProc {
    @Context
    public Transaction tx;

    @Procedure(name = "kgrec.anomaly.detect", mode = Mode.WRITE)
    @Description("Detects co-ordinated pushes on items (shilling), bursts, implausible volumes and abnormal "
            + "quantities in the customers' interactions, and flags the customers (and interactions) involved as "
            + "(:Customer)-[:FLAGGED {kind, score, status, evidenceNames, evidenceValues}]->(:Anomaly); open and "
            + "confirmed flags are left out of kgrec.train. Replaces the open flags of earlier runs and keeps "
            + "reviewers' decisions. Configuration: minScore (7.0), minGroup (5), minShare (0.3), "
            + "burstWindowSeconds (3600), individualZ (4.0), minBurst (20), minVolume (100), quantityZ (6.0), "
            + "quantityFactor (50.0), minItemInteractions (5), neighbours (10), similarityMaxItemDegree (10000), "
            + "write (true; false counts without writing).")
    public Stream<DetectResult> detect(
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        AnomalyConfig config = AnomalyConfig.of(configuration);
        long started = System.nanoTime();
        Detection detection = Detection.run(InteractionLogReader.read(tx), config);
        long run = config.write() ? new FlagWriter(tx).write(detection) : 0;
        return Stream.of(DetectResult.of(detection, run, (System.nanoTime() - started) / 1e9));
    }
}
