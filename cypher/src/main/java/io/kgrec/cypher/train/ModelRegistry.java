package io.kgrec.cypher.train;

import io.kgrec.cypher.model.PopularityPrior;
import io.kgrec.cypher.model.SegmentShares;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

/**
 * The {@code :Model} nodes: one per training run, created as {@code running} with its progress (each write in its own
 * transaction, so other sessions see it while training runs), switched to
 * {@code current} in one transaction when its weights are all written, or marked {@code failed}. Also writes the
 * segments of a model's prior.
 */
final class ModelRegistry {
    private static final String BEGIN = """
            OPTIONAL MATCH (old:Model)
            WITH coalesce(max(old.version), 0) + 1 AS version
            CREATE (m:Model {version: version, status: 'running', current: false, startedAt: datetime(),
                             seed: $seed, phase: 'reading the graph', phaseProgress: 0.0, progress: 0.0,
                             phases: [], phaseSeconds: []})
            RETURN version
            """;
    private static final String PROGRESS = """
            MATCH (m:Model {version: $version})
            SET m.phase = $phase, m.phaseProgress = $phaseProgress, m.progress = $progress, m.phases = $phases,
                m.phaseSeconds = $phaseSeconds
            """;
    private static final String ACTIVATE = """
            MATCH (m:Model {version: $version})
            OPTIONAL MATCH (previous:Model {current: true})
            SET previous.current = false
            SET m += $properties, m.current = true, m.status = 'ready', m.phase = 'done', m.phaseProgress = 1.0,
                m.progress = 1.0, m.finishedAt = datetime()
            """;
    private static final String FAIL = """
            MATCH (m:Model {version: $version}) SET m.status = 'failed', m.error = $error, m.finishedAt = datetime()
            """;
    private static final String SEGMENT = """
            CREATE (s:Segment {key: $key, model: $version, column: $column, value: $value, globalPart: $globalPart})
            WITH s
            UNWIND $favours AS f
            MATCH (i:Item {id: f.item})
            CREATE (s)-[:FAVOURS {share: f.share, model: $version}]->(i)
            """;
    private static final String REMOVE_OLD_SEGMENTS = """
            MATCH (s:Segment) WHERE s.model < $version
            DETACH DELETE s
            """;

    private final GraphDatabaseService db;

    ModelRegistry(GraphDatabaseService db) {
        this.db = db;
    }

    long begin(long seed) {
        return (Long) run(BEGIN, Map.of("seed", seed)).get(0).get("version");
    }

    /** @param phases the phases already finished, with their seconds in {@code phaseSeconds} */
    void progress(long version, String phase, double phaseProgress, double progress, List<String> phases,
            double[] phaseSeconds) {
        run(PROGRESS, Map.of("version", version, "phase", phase, "phaseProgress", phaseProgress, "progress", progress,
                "phases", phases, "phaseSeconds", phaseSeconds));
    }

    void activate(long version, Map<String, Object> properties) {
        run(ACTIVATE, Map.of("version", version, "properties", properties));
    }

    void fail(long version, String error) {
        run(FAIL, Map.of("version", version, "error", error));
    }

    /** One {@code :Segment} per value of the prior's segmentation column, with its items' shares. */
    void writeSegments(long version, PopularityPrior prior, List<String> itemIds) {
        SegmentShares segments = prior.segments();
        if (segments == null) {
            return;
        }
        for (int s = 0; s < segments.valueIds().length; s++) {
            List<Map<String, Object>> favours = new ArrayList<>();
            double[] share = segments.segmentShare()[s];
            for (int i = 0; i < share.length; i++) {
                if (share[i] > 0) {
                    favours.add(Map.of("item", itemIds.get(i), "share", share[i]));
                }
            }
            run(SEGMENT, Map.of("key", segmentKey(version, segments.name(), segments.valueIds()[s]),
                    "version", version, "column", segments.name(), "value", segments.valueIds()[s],
                    "globalPart", segments.globalPart()[s], "favours", favours));
        }
    }

    void removeSegmentsOlderThan(long version) {
        run(REMOVE_OLD_SEGMENTS, Map.of("version", version));
    }

    /** The key of a model's segment: unique across versions, so two models' segments can coexist while switching. */
    static String segmentKey(long version, String column, String value) {
        return "v" + version + ":" + column + "=" + value;
    }

    private List<Map<String, Object>> run(String cypher, Map<String, Object> parameters) {
        try (Transaction tx = db.beginTx()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            tx.execute(cypher, parameters).forEachRemaining(r -> rows.add(new HashMap<>(r)));
            tx.commit();
            return rows;
        }
    }
}
