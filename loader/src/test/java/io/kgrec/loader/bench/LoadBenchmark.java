package io.kgrec.loader.bench;

import io.kgrec.cypher.load.ContributeProc;
import io.kgrec.loader.LoadResult;
import io.kgrec.loader.Loader;
import io.kgrec.loader.schema.SchemaMigrator;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.source.completejourney.CompleteJourneySource;
import io.kgrec.loader.source.kgcn.KgcnSource;
import io.kgrec.loader.stage.FileAccount;
import io.kgrec.loader.testing.EmbeddedDatabase;
import io.kgrec.loader.testing.SharedData;
import io.kgrec.loader.write.WriteSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.neo4j.driver.Session;

/**
 * Loads the Complete Journey sample and the Last.fm (KGCN) data into a fresh embedded Neo4j with the kgrec plugin's
 * {@code kgrec.load.contribute} registered: with kgrec's loader writing interactions through that procedure
 * ({@code procedure}), with kgrec's loader held to its Cypher statements ({@code cypher}), and with the plain
 * {@code LOAD CSV} baseline ({@code loadcsv}), several times each, and prints rows per second. Run on purpose, never
 * as a unit test (see {@code src/site/markdown/benchmarks-loading.md} for the command).
 *
 * <p>Arguments: {@code [runs=3] [writers=1] [batch=10000] [datasets=completejourney,lastfm] [cold|warm]
 * [loaders=procedure,cypher,loadcsv]}.
 */
public final class LoadBenchmark {
    private record Dataset(String name, String folder, Function<Path, Source> source, String interactionsFile,
            List<LoadCsvBaseline.Step> baseline) {
    }

    /**
     * Wall seconds, and CPU seconds of the whole process (all threads: ours, Neo4j's, JIT, GC) during the load;
     * {@code interactionWrites}: what the interaction phase wrote (the loader's merged contributions; LOAD CSV's
     * input rows), over {@code interactionSeconds}.
     */
    private record Run(double seconds, double cpuSeconds, long rows, long interactionRows, long interactionWrites,
            double interactionSeconds, Map<String, Duration> phases) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("--once")) {
            once(args[1], args[2], settings(args[3], args[4]), Integer.parseInt(args[5]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String writers = args.length > 1 ? args[1] : "1";
        String batch = args.length > 2 ? args[2] : "10000";
        List<String> wanted = List.of((args.length > 3 ? args[3] : "completejourney,lastfm").split(","));
        List<String> loaders = List.of((args.length > 5 ? args[5] : "procedure,cypher,loadcsv").split(","));
        // cold: one load per JVM, as `kgrec load` runs; warm: the third of three loads (each into a fresh database)
        // in one JVM, the steady state of a long-running loader
        int loadsPerJvm = args.length > 4 && args[4].equals("warm") ? 3 : 1;
        System.out.println(machine(settings(writers, batch)) + (loadsPerJvm == 1 ? "; cold JVM per load"
                : "; warm: third of three loads per JVM"));
        for (Dataset d : DATASETS) {
            if (!wanted.contains(d.name())) {
                continue;
            }
            Map<String, List<Run>> results = new LinkedHashMap<>();
            for (int i = 1; i <= runs; i++) {
                // Rotate which loader goes first, so none always meets a machine another just warmed.
                List<String> order = new ArrayList<>(loaders);
                java.util.Collections.rotate(order, -(i - 1));
                for (String loader : order) {
                    Run r = fork(loader, d.name(), writers, batch, loadsPerJvm);
                    results.computeIfAbsent(loader, k -> new ArrayList<>()).add(r);
                    print(d.name(), loader, i, r);
                }
            }
            System.out.println("| dataset | loader | rows | wall (median) | rows/s | CPU (median) | rows per CPU s |");
            results.forEach((loader, list) -> {
                System.out.printf(Locale.ROOT, "| %s | %s, all files | %s |%n", d.name(), loader, median(list, true));
                System.out.printf(Locale.ROOT, "| %s | %s, interaction rows | %s |%n", d.name(), loader,
                        median(list, false));
            });
            System.out.println("| dataset | loader | interaction phase (median) | written | per second |");
            results.forEach((loader, list) -> {
                Run r = list.stream().sorted(Comparator.comparingDouble(Run::interactionSeconds)).toList()
                        .get(list.size() / 2);
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f s | %,d | %,.0f |%n", d.name(), loader,
                        r.interactionSeconds(), r.interactionWrites(), r.interactionWrites() / r.interactionSeconds());
            });
        }
    }

    private static final List<Dataset> DATASETS = List.of(
            new Dataset("completejourney", "datasets/completejourney", CompleteJourneySource::new,
                    "transactions_sample.csv.gz", LoadCsvBaseline.COMPLETE_JOURNEY),
            new Dataset("lastfm", "datasets/kgcn-lastfm", KgcnSource::new, "user_artists.dat",
                    LoadCsvBaseline.LASTFM));

    private static WriteSettings settings(String writers, String batch) {
        return new WriteSettings(Integer.parseInt(batch), Integer.parseInt(writers));
    }

    /** Every measurement in a fresh JVM, so neither loader profits from the other's warm-up. */
    private static Run fork(String loader, String dataset, String writers, String batch, int loads)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), LoadBenchmark.class.getName(), "--once",
                loader, dataset, writers, batch, Integer.toString(loads)).redirectErrorStream(true).start();
        String result = null;
        String output = new String(p.getInputStream().readAllBytes());
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                result = line.substring(7);
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException(loader + " on " + dataset + " failed:\n"
                    + output.substring(Math.max(0, output.length() - 3000)));
        }
        String[] f = result.split("\t");
        Map<String, Duration> phases = new LinkedHashMap<>();
        for (int i = 6; i + 1 < f.length; i += 2) {
            phases.put(f[i], Duration.ofNanos(Long.parseLong(f[i + 1])));
        }
        return new Run(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Double.parseDouble(f[5]), phases);
    }

    private static void once(String loader, String dataset, WriteSettings settings, int loads) throws IOException {
        Dataset d = DATASETS.stream().filter(x -> x.name().equals(dataset)).findFirst().orElseThrow();
        Path folder = SharedData.path(d.folder());
        Run r = null;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = 0;
        for (int i = 0; i < loads; i++) {
            long cpuBefore = os.getProcessCpuTime();
            r = switch (loader) {
                case "procedure" -> kgrec(folder, d, settings, true);
                case "cypher" -> kgrec(folder, d, settings.withoutProcedure(), false);
                case "loadcsv" -> loadCsv(folder, d);
                default -> throw new IllegalArgumentException("loader must be procedure, cypher or loadcsv");
            };
            cpu = os.getProcessCpuTime() - cpuBefore;
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "RESULT %.3f\t%.3f\t%d\t%d\t%d\t%.3f",
                r.seconds(), cpu / 1e9, r.rows(), r.interactionRows(), r.interactionWrites(),
                r.interactionSeconds()));
        r.phases().forEach((k, v) -> out.append('\t').append(k).append('\t').append(v.toNanos()));
        System.out.println(out);
    }

    private static Run kgrec(Path folder, Dataset d, WriteSettings settings, boolean procedure) throws IOException {
        Path home = Files.createTempDirectory("kgrec-bench");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home, folder, 512, ContributeProc.class)) {
            LoadResult r = new Loader(db.driver(), db.database(), settings).load(List.of(d.source().apply(folder)),
                    home.resolve("quarantine.tsv"), ZoneOffset.UTC);
            if (r.written().interactionsByProcedure() != procedure) {
                throw new IllegalStateException("interactions were " + (procedure ? "not " : "")
                        + "written by the procedure");
            }
            long interactionRows = r.report().accounts().stream()
                    .filter(a -> a.file().getFileName().toString().equals(d.interactionsFile()))
                    .mapToLong(FileAccount::readCount).sum();
            return new Run(r.timing().total().toNanos() / 1e9, 0, r.report().totalRead(), interactionRows,
                    r.interactions(), r.written().phases().get("interactions").toNanos() / 1e9,
                    r.written().phases());
        } finally {
            delete(home);
        }
    }

    private static Run loadCsv(Path folder, Dataset d) throws IOException {
        long rows = 0;
        long interactionRows = 0;
        for (LoadCsvBaseline.Step step : d.baseline()) {
            if (step.file() != null) {
                long n = dataRows(folder.resolve(step.file()), !step.statement().contains("WITH HEADERS"));
                rows += n;
                interactionRows += step.file().equals(d.interactionsFile()) ? n : 0;
            }
        }
        Path home = Files.createTempDirectory("kgrec-bench");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home, folder, 512, ContributeProc.class)) {
            long started = System.nanoTime();
            new SchemaMigrator(db.driver(), db.database()).migrate();
            Map<String, Duration> steps = new LinkedHashMap<>();
            try (Session session = db.driver().session()) {
                for (LoadCsvBaseline.Step step : d.baseline()) {
                    long stepStarted = System.nanoTime();
                    Map<String, Object> params = step.file() == null ? Map.of() : Map.of("url", "file:///" + step.file());
                    session.run(step.statement(), params).consume();
                    steps.put(step.file() == null ? "schema" : step.file(), Duration.ofNanos(System.nanoTime() - stepStarted));
                }
            }
            return new Run((System.nanoTime() - started) / 1e9, 0, rows, interactionRows, interactionRows,
                    steps.get(d.interactionsFile()).toNanos() / 1e9, steps);
        } finally {
            delete(home);
        }
    }

    private static long dataRows(Path file, boolean headerless) throws IOException {
        try (var in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file);
                var reader = new BufferedReader(new InputStreamReader(in,
                        StandardCharsets.ISO_8859_1))) {
            long lines = reader.lines().filter(l -> !l.isBlank()).count();
            return headerless ? lines : lines - 1;
        }
    }

    private static void print(String dataset, String loader, int run, Run r) {
        System.out.printf(Locale.ROOT, "%s %-9s run %d: %.2f s (CPU %.2f s), %,.0f rows/s, %,.0f interaction rows/s; "
                        + "interaction phase %.2f s, %,.0f/s %s%n", dataset, loader, run, r.seconds(), r.cpuSeconds(),
                r.rows() / r.seconds(), r.interactionRows() / r.seconds(), r.interactionSeconds(),
                r.interactionWrites() / r.interactionSeconds(),
                r.phases().isEmpty() ? "" : r.phases().entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f s", e.getValue().toNanos() / 1e9))
                        .toList());
    }

    /** "12.3 s, 45,678 rows/s | CPU 20.1 s, 9,876 rows per CPU second" of the median runs by wall and by CPU time. */
    private static String median(List<Run> runs, boolean allRows) {
        Run wall = runs.stream().sorted(Comparator.comparingDouble(Run::seconds)).toList().get(runs.size() / 2);
        Run cpu = runs.stream().sorted(Comparator.comparingDouble(Run::cpuSeconds)).toList().get(runs.size() / 2);
        long n = allRows ? wall.rows() : wall.interactionRows();
        return String.format(Locale.ROOT, "%,d | %.2f s | %,.0f | %.2f s | %,.0f", n, wall.seconds(),
                n / wall.seconds(), cpu.cpuSeconds(), n / cpu.cpuSeconds());
    }

    private static String machine(WriteSettings settings) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "machine: %d cores, load average %.2f, %s %s, Java %s, max heap %d MiB; "
                        + "writer: batch %d, %d writer(s); page cache 512 MiB",
                os.getAvailableProcessors(), os.getSystemLoadAverage(), os.getName(), os.getArch(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, settings.batchSize(),
                settings.writers());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
