package io.kgrec.api.audit;

import io.kgrec.api.evaluation.ExplainedItem;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.model.reason.ReasonPathMaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Asks {@code kgrec.recommend.stream} for every audited customer's list under one configuration, with reasons, in
 * a few parallel sessions. The offline evaluation does the same for its one fixed configuration; the audit needs any
 * configuration, hence its own loop.
 */
final class AuditRecommender {
    private static final String RECOMMEND = """
            CALL kgrec.recommend.stream($customer, $config)
            YIELD itemId, score, reasons, terms
            RETURN itemId, score, reasons, terms
            """;

    private final GraphConnection graph;
    private final int threads;

    AuditRecommender(GraphConnection graph, int threads) {
        this.graph = graph;
        this.threads = Math.max(1, threads);
    }

    Map<String, List<ExplainedItem>> lists(List<String> customers, Map<String, Object> config) {
        Map<String, List<ExplainedItem>> lists = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                work.add(pool.submit(() -> {
                    try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
                        for (int c = offset; c < customers.size(); c += threads) {
                            lists.put(customers.get(c), recommend(s, customers.get(c), config));
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("recommending failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recommending", e);
        } finally {
            // Not shutdownNow: interrupting a session while it closes can strand a pooled connection.
            pool.shutdown();
        }
        return new TreeMap<>(lists);
    }

    private static List<ExplainedItem> recommend(Session s, String customer, Map<String, Object> config) {
        return s.run(RECOMMEND, Map.of("customer", customer, "config", config)).list(r -> new ExplainedItem(
                r.get("itemId").asString(), r.get("score").asDouble(),
                r.get("reasons").asList(v -> ReasonPathMaps.fromMap(v.asMap())),
                r.get("terms").asList(v -> ReasonPathMaps.termFromMap(v.asMap()))));
    }
}
