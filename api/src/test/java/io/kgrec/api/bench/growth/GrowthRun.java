package io.kgrec.api.bench.growth;

import io.kgrec.loader.LoadResult;
import io.kgrec.loader.Loader;
import io.kgrec.loader.source.canonical.CanonicalSource;
import io.kgrec.model.schema.InteractionType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * One size of the growth benchmark in this JVM: load the synthetic folder through the product loader into a fresh
 * embedded database, train with {@code kgrec.train}, time {@code kgrec.recommend.stream} (top 10 with reasons) over
 * Bolt for a seeded sample of customers after a warm-up, and measure memory. Returns named figures in order.
 */
final class GrowthRun {
    private static final String RECOMMEND = """
            CALL kgrec.recommend.stream($customer, {topK: 10, maxReasons: 3})
            YIELD itemId, score, reasons
            RETURN itemId, score, size(reasons) AS reasons
            """;

    /** Prints each figure as soon as it is measured, so a run that dies later still reports its earlier phases. */
    private final Map<String, Object> figures = new LinkedHashMap<>() {
        @Override
        public Object put(String key, Object value) {
            System.out.println("figure " + java.time.Instant.now() + " " + key + "\t" + value);
            return super.put(key, value);
        }
    };

    /**
     * @param loaded the load figures of an earlier run that died after loading into {@code home}: then the graph there
     *               is reused and only training and serving are measured
     */
    static Map<String, Object> measure(Path data, Path home, long pageCacheMiB, int sample,
            Map<String, Object> loaded) throws Exception {
        return new GrowthRun().run(data, home, pageCacheMiB, sample, loaded);
    }

    private Map<String, Object> run(Path data, Path home, long pageCacheMiB, int sample, Map<String, Object> earlier)
            throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        figures.put("load_average_start", os.getSystemLoadAverage());
        try (BenchNeo4j db = BenchNeo4j.start(home.resolve("neo4j"), pageCacheMiB)) {
            Driver driver = db.driver();
            if (earlier.isEmpty()) {
                load(driver, data, home, os);
            } else {
                figures.putAll(earlier);
            }
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            Record trained;
            try (Session s = driver.session()) {
                trained = s.run("CALL kgrec.train({seed: 42})").single();
            }
            figures.put("train_s", seconds(started));
            figures.put("train_cpu_s", (os.getProcessCpuTime() - cpu) / 1e9);
            for (String k : List.of("customers", "items", "interactions", "attributes", "similarities")) {
                figures.put("model_" + k, trained.get(k).asLong());
            }
            for (String k : List.of("readSeconds", "fitSeconds", "writeSeconds", "validationNdcg")) {
                figures.put("train_" + k, trained.get(k).asDouble());
            }
            figures.put("heap_after_train_mib", heapAfterGc());

            List<String> customers = sampleCustomers(driver, sample);
            started = System.nanoTime();
            latencies(driver, customers.subList(0, Math.min(50, customers.size())), 1);
            figures.put("first_requests_s", seconds(started)); // includes reading the model into ModelStore
            latencies(driver, customers, 1); // warm-up: JIT and page cache
            for (int threads : new int[] {1, 2}) {
                started = System.nanoTime();
                double[] ms = latencies(driver, customers, threads);
                double wall = seconds(started);
                Arrays.sort(ms);
                figures.put("p50_ms_" + threads + "t", quantile(ms, 0.50));
                figures.put("p99_ms_" + threads + "t", quantile(ms, 0.99));
                figures.put("max_ms_" + threads + "t", ms[ms.length - 1]);
                figures.put("per_s_" + threads + "t", ms.length / wall);
            }
            figures.put("heap_after_serving_mib", heapAfterGc());
            figures.put("rss_mib", status("VmRSS"));
            figures.put("peak_rss_mib", status("VmHWM"));
        }
        figures.put("store_mib", size(home.resolve("neo4j").resolve("data").resolve("databases")));
        figures.put("tx_logs_mib", size(home.resolve("neo4j").resolve("data").resolve("transactions")));
        figures.put("load_average_end", os.getSystemLoadAverage());
        return figures;
    }

    private void load(Driver driver, Path data, Path home, com.sun.management.OperatingSystemMXBean os)
            throws IOException {
        long cpu = os.getProcessCpuTime();
        long started = System.nanoTime();
        LoadResult loaded = new Loader(driver, "neo4j").load(List.of(CanonicalSource.of(data, InteractionType.RATED)),
                home.resolve("quarantine.tsv"), ZoneOffset.UTC);
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("load_s", seconds(started));
        load.put("load_cpu_s", (os.getProcessCpuTime() - cpu) / 1e9);
        load.put("load_profiles_s", loaded.timing().profiles().toNanos() / 1e9);
        load.put("quarantined", loaded.report().totalQuarantined());
        load.put("heap_after_load_mib", heapAfterGc());
        figures.putAll(load);
        // kept beside the database, so a run that dies later can resume after the load (GrowthBenchmark run)
        StringBuilder tsv = new StringBuilder();
        load.forEach((k, v) -> tsv.append(k).append('\t').append(v).append('\n'));
        Files.writeString(home.resolve("load.tsv"), tsv);
    }

    private static List<String> sampleCustomers(Driver driver, int sample) {
        List<String> ids;
        try (Session s = driver.session()) {
            ids = new ArrayList<>(s.run("MATCH (c:Customer) RETURN c.id AS id ORDER BY id")
                    .list(r -> r.get("id").asString()));
        }
        Collections.shuffle(ids, new Random(7));
        return List.copyOf(ids.subList(0, Math.min(sample, ids.size())));
    }

    /** Milliseconds per request, the customers split over {@code threads} sessions. */
    private static double[] latencies(Driver driver, List<String> customers, int threads) throws Exception {
        double[] ms = new double[customers.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                work.add(pool.submit(() -> {
                    try (Session s = driver.session()) {
                        for (int c = offset; c < customers.size(); c += threads) {
                            long start = System.nanoTime();
                            List<Record> rows = s.run(RECOMMEND, Map.of("customer", customers.get(c))).list();
                            ms[c] = (System.nanoTime() - start) / 1e6;
                            if (rows.isEmpty() || rows.get(0).get("reasons").asInt() == 0) {
                                throw new IllegalStateException("no explained recommendations for "
                                        + customers.get(c));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return ms;
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /** A /proc/self/status figure in MiB (Linux). */
    private static long status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) >> 10;
            }
        }
        return -1;
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() >> 20;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
