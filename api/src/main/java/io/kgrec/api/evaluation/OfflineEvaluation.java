package io.kgrec.api.evaluation;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.training.ModelTrainer;
import io.kgrec.api.training.TrainingWatch;
import io.kgrec.cypher.verify.PathVerifier;
import io.kgrec.loader.Loader;
import io.kgrec.loader.source.canonical.CanonicalSource;
import io.kgrec.model.reason.ReasonPathMaps;
import io.kgrec.model.schema.InteractionType;
import io.kgrec.model.schema.RelationshipKinds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private static final String RECOMMEND = """
            CALL kgrec.recommend.stream($customer, {topK: $k, maxReasons: 3, diversity: $diversity})
            YIELD itemId, score, reasons, terms
            RETURN itemId, score, reasons, terms
            """;

    /** The knowledge-graph neighbours of items, as the diversity re-ranking reads them (ItemNeighbours). */
    private static final String NEIGHBOURS = """
            UNWIND $ids AS id
            MATCH (i:Item {id: id})-[r]-(n)
            WHERE NOT type(r) IN $nonKnowledge
            RETURN id, collect(DISTINCT coalesce(toString(n.id), toString(n.key), elementId(n))) AS keys
            """;

    /** How many failed paths each verifying session names; the count covers them all. */
    private static final int FAILURES_NAMED = 10;

    private final GraphConnection graph;
    private final TrainingWatch training;

    public OfflineEvaluation(GraphConnection graph) {
        this(graph, TrainingWatch.NONE);
    }

    /** @param training who follows the training run (a progress bar per phase, for the command line) */
    public OfflineEvaluation(GraphConnection graph, TrainingWatch training) {
        this.graph = graph;
        this.training = training;
    }

    /** What to evaluate and how. */
    public record Options(Path dataset, String trainSplit, String heldOutSplit, int k, long seed,
            InteractionType interactionType, Path recsFile, Path quarantine, boolean verifyPaths, int threads) {
    }

    /**
     * The figures and how long each step took.
     *
     * @param diversity          the diversity knob the lists were re-ranked with (0: by score)
     * @param intraListDiversity the mean ILD of the lists ({@link IntraListDiversity})
     */
    public record Result(AccuracyReport accuracy, ExplanationReport explanation, long modelVersion,
            double validationNdcg, long similarities, double loadSeconds, double trainSeconds,
            double recommendSeconds, double verifySeconds, double diversity, double intraListDiversity) {
    }

    /** Loads, trains once, and evaluates the lists ranked by score. */
    public Result run(Options o) {
        return run(o, List.of(0.0)).get(0);
    }

    /**
     * Loads and trains once, then recommends and scores once per diversity value. With more than one value, each
     * value's lists go to the recommendation file's name with {@code -diversity-<value>} before its extension.
     */
    public List<Result> run(Options o, List<Double> diversities) {
        long start = System.nanoTime();
        new Loader(graph.driver(), graph.database()).load(List.of(new CanonicalSource(o.dataset(),
                o.dataset().resolve("split").resolve(o.trainSplit() + ".tsv"), o.interactionType())), o.quarantine(),
                ZoneOffset.UTC);
        long loaded = System.nanoTime();
        ModelTrainer.Trained trained = new ModelTrainer(graph).train(o.seed(), training);
        long fitted = System.nanoTime();
        List<Result> results = new ArrayList<>();
        for (double diversity : diversities) {
            long from = System.nanoTime();
            Map<String, List<ExplainedItem>> lists = recommendAll(customerIds(o), o.k(), diversity, o.threads());
            long recommended = System.nanoTime();
            writeRecs(lists, diversities.size() == 1 ? o.recsFile() : recsFile(o.recsFile(), diversity));
            HeldOut relevance = HeldOut.read(o.dataset(), o.trainSplit(), o.heldOutSplit());
            Map<String, List<String>> recs = new TreeMap<>();
            lists.forEach((c, l) -> recs.put(c, l.stream().map(ExplainedItem::itemId).toList()));
            AccuracyReport accuracy = AccuracyMetrics.evaluate(recs, relevance, o.k());
            ExplanationReport explanation = ExplanationMetrics.evaluate(lists);
            long verifying = System.nanoTime();
            if (o.verifyPaths()) {
                explanation = verify(lists, explanation, o.threads());
            }
            long verified = System.nanoTime();
            double ild = IntraListDiversity.mean(recs, neighbours(recs));
            results.add(new Result(accuracy, explanation, trained.version(), trained.validationNdcg(),
                    trained.similarities(),
                    seconds(start, loaded), seconds(loaded, fitted), seconds(from, recommended),
                    seconds(verifying, verified), diversity, ild));
        }
        return results;
    }

    /** {@code recs.tsv} → {@code recs-diversity-0.25.tsv}. */
    public static Path recsFile(Path recs, double diversity) {
        String name = recs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String suffix = "-diversity-" + String.format(Locale.ROOT, "%s", diversity);
        String file = dot < 0 ? name + suffix : name.substring(0, dot) + suffix + name.substring(dot);
        return recs.resolveSibling(file);
    }

    private Map<String, Set<String>> neighbours(Map<String, List<String>> recs) {
        List<String> ids = recs.values().stream().flatMap(List::stream).distinct().toList();
        Map<String, Set<String>> out = new HashMap<>();
        try (Session s = session()) {
            s.run(NEIGHBOURS, Map.of("ids", ids, "nonKnowledge", List.copyOf(RelationshipKinds.nonKnowledge())))
                    .forEachRemaining(r -> out.put(r.get("id").asString(), Set.copyOf(r.get("keys").asList(
                            v -> v.asString()))));
        }
        return out;
    }

    /** The evaluated customers: those of the held-out split, by id only. */
    private static List<String> customerIds(Options o) {
        return HeldOut.rows(o.dataset().resolve("split").resolve(o.heldOutSplit() + ".tsv")).stream()
                .map(r -> r[0]).distinct().sorted().toList();
    }

    private Map<String, List<ExplainedItem>> recommendAll(List<String> customers, int k, double diversity,
            int threads) {
        Map<String, List<ExplainedItem>> lists = new ConcurrentHashMap<>();
        onSessions(threads, "recommending", (s, offset) -> {
            for (int c = offset; c < customers.size(); c += threads) {
                lists.put(customers.get(c), recommend(s, customers.get(c), k, diversity));
            }
            return null;
        });
        return new TreeMap<>(lists);
    }

    /** One thread's work on its own session, given the offset of its share (offset, offset + threads, ...). */
    private interface SessionShare<T> {
        T run(Session session, int offset);
    }

    /** Runs {@code threads} shares of work, each on its own session, and returns their answers in offset order. */
    private <T> List<T> onSessions(int threads, String what, SessionShare<T> share) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                work.add(pool.submit(() -> {
                    try (Session s = session()) {
                        return share.run(s, offset);
                    }
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> f : work) {
                answers.add(f.get());
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        } finally {
            // Not shutdownNow: interrupting a thread while its session closes can strand a pooled connection, and
            // then closing the driver waits for it forever.
            pool.shutdown();
        }
    }

    private static List<ExplainedItem> recommend(Session s, String customer, int k, double diversity) {
        return s.run(RECOMMEND, Map.of("customer", customer, "k", k, "diversity", diversity)).list(r -> new ExplainedItem(
                r.get("itemId").asString(), r.get("score").asDouble(),
                r.get("reasons").asList(v -> ReasonPathMaps.fromMap(v.asMap())),
                r.get("terms").asList(v -> ReasonPathMaps.termFromMap(v.asMap()))));
    }

    /**
     * Checks every shown path against the graph, on as many sessions as recommending used, each verifier asking about
     * each node and relationship once (the graph does not change while the command runs).
     */
    private ExplanationReport verify(Map<String, List<ExplainedItem>> lists, ExplanationReport report, int threads) {
        List<Map.Entry<String, List<ExplainedItem>>> all = new ArrayList<>(lists.entrySet());
        long verified = 0, failed = 0;
        List<long[]> shares = onSessions(threads, "verifying the paths",
                (s, offset) -> verify(s, all, offset, threads));
        for (long[] counts : shares) {
            verified += counts[0];
            failed += counts[1];
        }
        return report.withVerification(verified, failed);
    }

    /**
     * @return how many paths of lists offset, offset + step, ... were checked, and how many of them failed; the first
     *         failures are named on standard error with what the graph lacks, so a failed count can be looked into
     */
    private static long[] verify(Session s, List<Map.Entry<String, List<ExplainedItem>>> lists, int offset, int step) {
        PathVerifier verifier = PathVerifier.ofUnchangingGraph((q, p) -> s.run(q, p).list(Record::asMap));
        long[] counts = new long[2];
        for (int c = offset; c < lists.size(); c += step) {
            for (ExplainedItem item : lists.get(c).getValue()) {
                for (var path : item.reasons()) {
                    counts[0]++;
                    String problem = verifier.problem(ReasonPathMaps.toMap(path));
                    if (problem != null && ++counts[1] <= FAILURES_NAMED) {
                        System.err.printf(Locale.ROOT, "path not in the graph: customer %s, item %s: %s%n",
                                lists.get(c).getKey(), item.itemId(), problem);
                    }
                }
            }
        }
        return counts;
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
