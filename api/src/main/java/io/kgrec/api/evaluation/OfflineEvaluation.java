package io.kgrec.api.evaluation;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.cypher.verify.PathVerifier;
import io.kgrec.loader.Loader;
import io.kgrec.loader.source.canonical.CanonicalSource;
import io.kgrec.model.reason.ReasonPathMaps;
import io.kgrec.model.schema.InteractionType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The offline protocol inside the product: load a canonical dataset's training split into the graph, train with
 * {@code kgrec.train}, ask {@code kgrec.recommend.stream} for every evaluated customer, write {@code recs.tsv}, and
 * only then read the held-out items to score the file. The held-out split is opened for its customer ids while
 * recommending, never for its items.
 */
public final class OfflineEvaluation {
    private static final String TRAIN = "CALL kgrec.train({seed: $seed}) YIELD modelVersion, validationNdcg, similarities "
            + "RETURN modelVersion, validationNdcg, similarities";
    private static final String RECOMMEND = """
            CALL kgrec.recommend.stream($customer, {topK: $k, maxReasons: 3})
            YIELD itemId, score, reasons, terms
            RETURN itemId, score, reasons, terms
            """;

    private final GraphConnection graph;

    public OfflineEvaluation(GraphConnection graph) {
        this.graph = graph;
    }

    /** What to evaluate and how. */
    public record Options(Path dataset, String trainSplit, String heldOutSplit, int k, long seed,
            InteractionType interactionType, Path recsFile, Path quarantine, boolean verifyPaths, int threads) {
    }

    /** The figures and how long each step took. */
    public record Result(AccuracyReport accuracy, ExplanationReport explanation, long modelVersion,
            double validationNdcg, long similarities, double loadSeconds, double trainSeconds,
            double recommendSeconds) {
    }

    public Result run(Options o) {
        long start = System.nanoTime();
        new Loader(graph.driver(), graph.database()).load(List.of(new CanonicalSource(o.dataset(),
                o.dataset().resolve("split").resolve(o.trainSplit() + ".tsv"), o.interactionType())), o.quarantine(),
                ZoneOffset.UTC);
        long loaded = System.nanoTime();
        Record trained;
        try (Session s = session()) {
            trained = s.run(TRAIN, Map.of("seed", o.seed())).single();
        }
        long fitted = System.nanoTime();
        Map<String, List<ExplainedItem>> lists = recommendAll(customerIds(o), o.k(), o.threads());
        long recommended = System.nanoTime();
        writeRecs(lists, o.recsFile());
        HeldOut relevance = HeldOut.read(o.dataset(), o.trainSplit(), o.heldOutSplit());
        Map<String, List<String>> recs = new TreeMap<>();
        lists.forEach((c, l) -> recs.put(c, l.stream().map(ExplainedItem::itemId).toList()));
        AccuracyReport accuracy = AccuracyMetrics.evaluate(recs, relevance, o.k());
        ExplanationReport explanation = ExplanationMetrics.evaluate(lists);
        if (o.verifyPaths()) {
            explanation = verify(lists, explanation);
        }
        return new Result(accuracy, explanation, trained.get("modelVersion").asLong(),
                trained.get("validationNdcg").asDouble(), trained.get("similarities").asLong(),
                seconds(start, loaded), seconds(loaded, fitted), seconds(fitted, recommended));
    }

    /** The evaluated customers: those of the held-out split, by id only. */
    private static List<String> customerIds(Options o) {
        return HeldOut.rows(o.dataset().resolve("split").resolve(o.heldOutSplit() + ".tsv")).stream()
                .map(r -> r[0]).distinct().sorted().toList();
    }

    private Map<String, List<ExplainedItem>> recommendAll(List<String> customers, int k, int threads) {
        Map<String, List<ExplainedItem>> lists = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                work.add(pool.submit(() -> {
                    try (Session s = session()) {
                        for (int c = offset; c < customers.size(); c += threads) {
                            lists.put(customers.get(c), recommend(s, customers.get(c), k));
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("recommending failed: " + e.getMessage(), e);
        } finally {
            // Not shutdownNow: interrupting a thread while its session closes can strand a pooled connection, and
            // then closing the driver waits for it forever.
            pool.shutdown();
        }
        return new TreeMap<>(lists);
    }

    private static List<ExplainedItem> recommend(Session s, String customer, int k) {
        return s.run(RECOMMEND, Map.of("customer", customer, "k", k)).list(r -> new ExplainedItem(
                r.get("itemId").asString(), r.get("score").asDouble(),
                r.get("reasons").asList(v -> ReasonPathMaps.fromMap(v.asMap())),
                r.get("terms").asList(v -> ReasonPathMaps.termFromMap(v.asMap()))));
    }

    private ExplanationReport verify(Map<String, List<ExplainedItem>> lists, ExplanationReport report) {
        long verified = 0, failed = 0;
        try (Session s = session()) {
            PathVerifier verifier = new PathVerifier((q, p) -> s.run(q, p).list(Record::asMap));
            for (List<ExplainedItem> list : lists.values()) {
                for (ExplainedItem item : list) {
                    for (var path : item.reasons()) {
                        verified++;
                        if (verifier.problem(ReasonPathMaps.toMap(path)) != null) {
                            failed++;
                        }
                    }
                }
            }
        }
        return report.withVerification(verified, failed);
    }

    private static void writeRecs(Map<String, List<ExplainedItem>> lists, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                w.print("customer_id\titem_id\trank\tscore\n");
                lists.forEach((customer, list) -> {
                    for (int r = 0; r < list.size(); r++) {
                        w.print(String.format(Locale.ROOT, "%s\t%s\t%d\t%.10g\n", customer, list.get(r).itemId(),
                                r + 1, list.get(r).score()));
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Session session() {
        return graph.driver().session(SessionConfig.forDatabase(graph.database()));
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
