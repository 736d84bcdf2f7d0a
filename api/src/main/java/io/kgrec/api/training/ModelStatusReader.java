package io.kgrec.api.training;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.training.ModelStatus.ModelState;
import io.kgrec.api.training.ModelStatus.PhaseTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.springframework.core.io.ClassPathResource;

/** Reads {@link ModelStatus} from the {@code :Model} nodes (statement {@code cypher/training/model-status.cypher}). */
public final class ModelStatusReader {
    static final String STATEMENT = "cypher/training/model-status.cypher";
    private static final TransactionConfig QUICK = TransactionConfig.builder().withTimeout(Duration.ofSeconds(10))
            .build();
    private static final String MODEL_STATUS = load(STATEMENT);

    private final GraphConnection graph;

    public ModelStatusReader(GraphConnection graph) {
        this.graph = graph;
    }

    public ModelStatus read() {
        try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
            return s.executeRead(tx -> status(tx.run(MODEL_STATUS, Map.of()).single()), QUICK);
        }
    }

    private static ModelStatus status(Record r) {
        Long serving = optionalLong(r.get("servingVersion"));
        Long training = optionalLong(r.get("trainingVersion"));
        String lastStatus = optionalString(r.get("lastRunStatus"));
        ModelState state = training != null ? ModelState.TRAINING
                : serving != null ? ModelState.SERVING
                : "failed".equals(lastStatus) ? ModelState.FAILED : ModelState.NONE;
        Double elapsed = optionalDouble(r.get("elapsedSeconds"));
        Double progress = optionalDouble(r.get("progress"));
        return new ModelStatus(state, serving, training, optionalString(r.get("phase")),
                optionalDouble(r.get("phaseProgress")), progress, optionalString(r.get("startedAt")), elapsed,
                ModelStatus.secondsLeft(elapsed, progress),
                phases(r.get("finishedPhases"), r.get("finishedPhaseSeconds")),
                optionalLong(r.get("lastRunVersion")), optionalDouble(r.get("lastRunSeconds")),
                optionalString(r.get("lastRunError")), phases(r.get("lastRunPhases"), r.get("lastRunPhaseSeconds")));
    }

    private static List<PhaseTime> phases(Value names, Value seconds) {
        if (names.isNull() || seconds.isNull()) {
            return List.of();
        }
        List<String> n = names.asList(Value::asString);
        List<Double> s = seconds.asList(Value::asDouble);
        List<PhaseTime> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n.size(), s.size()); i++) {
            out.add(new PhaseTime(n.get(i), s.get(i)));
        }
        return out;
    }

    private static Long optionalLong(Value v) {
        return v.isNull() ? null : v.asLong();
    }

    private static Double optionalDouble(Value v) {
        return v.isNull() ? null : v.asDouble();
    }

    private static String optionalString(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static String load(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is not on the classpath", e);
        }
    }
}
