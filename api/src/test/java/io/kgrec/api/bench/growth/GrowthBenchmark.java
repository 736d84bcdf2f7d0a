package io.kgrec.api.bench.growth;

import io.kgrec.cypher.testing.BenchmarkData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The growth benchmark (issue 7): synthetic data drawn from ml-100k at several multiples of its size, each loaded,
 * trained and served in a fresh embedded database, one size per JVM; then the growth exponent of every measure
 * against the number of interactions. A benchmark run on purpose (bench/growth.sh), never a test.
 *
 * <pre>
 * generate SCALE [ITEM_EXPONENT=1] [SEED=42]   write target/growth/xSCALE/data
 * run SCALE [PAGE_CACHE_MIB=512] [SAMPLE=1000] generate if needed, measure, append to target/growth/results.tsv;
 *                                              resumes after the load if xSCALE/db/load.tsv exists
 * fit [RESULTS=target/growth/results.tsv]      print the table and the fitted exponents (markdown)
 * </pre>
 */
public final class GrowthBenchmark {
    private static final Path ROOT = Path.of("target", "growth");
    private static final List<String> FITTED = List.of("load_s", "load_cpu_s", "train_s", "train_cpu_s",
            "train_fitSeconds", "train_writeSeconds", "model_similarities", "p50_ms_1t", "p99_ms_1t", "p99_ms_2t",
            "heap_after_load_mib", "heap_after_serving_mib", "store_mib", "peak_rss_mib");

    private GrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "fit";
        switch (command) {
            case "generate" -> generate(scale(args), args.length > 2 ? Double.parseDouble(args[2]) : 1.0,
                    args.length > 3 ? Long.parseLong(args[3]) : 42);
            case "run" -> run(scale(args), args.length > 2 ? Long.parseLong(args[2]) : 512,
                    args.length > 3 ? Integer.parseInt(args[3]) : 1000);
            case "fit" -> fit(args.length > 1 ? Path.of(args[1]) : ROOT.resolve("results.tsv"));
            default -> throw new IllegalArgumentException("command must be generate, run or fit, got " + command);
        }
    }

    private static double scale(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("SCALE is missing: a multiple of ml-100k's size, e.g. 10");
        }
        return Double.parseDouble(args[1]);
    }

    private static Path folder(double scale) {
        return ROOT.resolve("x" + (scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale)));
    }

    private static SyntheticDataset.Stats generate(double scale, double itemExponent, long seed) {
        long started = System.nanoTime();
        SyntheticDataset.Stats stats = new SyntheticDataset(RealDataset.read(BenchmarkData.dataset("ml-100k")))
                .write(new SyntheticDataset.Shape(scale, itemExponent, 0.1, seed), folder(scale).resolve("data"));
        System.out.printf(Locale.ROOT, "generated x%s in %.1f s: %s%n", scale, (System.nanoTime() - started) / 1e9,
                stats);
        return stats;
    }

    private static void run(double scale, long pageCacheMiB, int sample) throws Exception {
        Path data = folder(scale).resolve("data");
        if (!Files.exists(data.resolve("stats.tsv"))) {
            generate(scale, 1.0, 42);
        }
        Path home = folder(scale).resolve("db");
        // Resume after the load when an earlier run loaded this database and then died (e.g. killed for memory).
        Map<String, Object> loaded = new java.util.LinkedHashMap<>();
        if (Files.exists(home.resolve("load.tsv"))) {
            for (String line : Files.readAllLines(home.resolve("load.tsv"))) {
                String[] kv = line.split("\t");
                loaded.put(kv[0], kv[1]);
            }
            System.out.println("resuming after the load recorded in " + home.resolve("load.tsv") + ": " + loaded);
        } else {
            delete(home);
            Files.createDirectories(home);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "x%s: %d cores, max heap %d MiB, page cache %d MiB, sample %d, started %s%n",
                scale, rt.availableProcessors(), rt.maxMemory() >> 20, pageCacheMiB, sample, Instant.now());
        Map<String, Object> figures = GrowthRun.measure(data, home, pageCacheMiB, sample, loaded);
        figures.put("scale", scale);
        figures.put("max_heap_mib", rt.maxMemory() >> 20);
        figures.put("page_cache_mib", pageCacheMiB);
        figures.put("finished", Instant.now().toString());
        figures.forEach((k, v) -> System.out.println(k + "\t" + v));
        Path results = ROOT.resolve("results.tsv");
        StringBuilder line = new StringBuilder();
        if (!Files.exists(results)) {
            line.append(String.join("\t", figures.keySet())).append('\n');
        }
        line.append(String.join("\t", figures.values().stream().map(String::valueOf).toList())).append('\n');
        Files.writeString(results, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        delete(home); // the store is measured; at 100× it takes gigabytes
    }

    private static void fit(Path results) throws IOException {
        List<String> lines = Files.readAllLines(results);
        List<String> header = Arrays.asList(lines.get(0).split("\t"));
        List<String[]> rows = new ArrayList<>();
        lines.subList(1, lines.size()).forEach(l -> rows.add(l.split("\t")));
        rows.sort(Comparator.comparingDouble(r -> Double.parseDouble(r[header.indexOf("model_interactions")])));
        double[] n = rows.stream().mapToDouble(r -> Double.parseDouble(r[header.indexOf("model_interactions")]))
                .toArray();
        System.out.println("| measure | " + String.join(" | ", rows.stream()
                .map(r -> "x" + r[header.indexOf("scale")]).toList()) + " | b | R² |");
        System.out.println("|---|" + "---:|".repeat(rows.size() + 2));
        System.out.println("| interactions | " + String.join(" | ", Arrays.stream(n)
                .mapToObj(v -> String.format(Locale.ROOT, "%,.0f", v)).toList()) + " | | |");
        for (String measure : FITTED) {
            int column = header.indexOf(measure);
            if (column < 0) {
                continue;
            }
            double[] t = rows.stream().mapToDouble(r -> Double.parseDouble(r[column])).toArray();
            GrowthFit f = GrowthFit.of(n, t);
            System.out.println("| " + measure + " | " + String.join(" | ", Arrays.stream(t)
                    .mapToObj(v -> String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.2f", v)).toList())
                    + String.format(Locale.ROOT, " | %.2f | %.3f |", f.b(), f.r2()));
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
