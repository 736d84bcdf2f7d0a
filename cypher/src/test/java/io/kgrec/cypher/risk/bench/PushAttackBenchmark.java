package io.kgrec.cypher.risk.bench;

import io.kgrec.cypher.model.RankingMetrics;
import io.kgrec.cypher.testing.BenchmarkData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Injects synthetic push attacks into a benchmark dataset's training split and measures, with the real procedures on
 * an in-process Neo4j, (1) detection: the share of attack profiles {@code kgrec.anomaly.detect} flags and the share
 * of real customers it flags, and (2) exposure: how many real customers get the pushed item in their top 10 after
 * {@code kgrec.train}, without and with the defence ({@code excludeFlagged}), and what the defence costs in nDCG@10
 * on the test split. A benchmark run on purpose, not a test.
 *
 * <p>Usage: {@code mvn -q -pl cypher exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.kgrec.cypher.risk.bench.PushAttackBenchmark -Dexec.args="ml-100k detect 1 2"}; modes
 * {@code detect}, {@code exposure}, {@code all}; the numbers after the mode are seeds.
 */
public final class PushAttackBenchmark {
    private final Setup setup;
    private final Path dataset;
    private final List<Interaction> train;
    private final AttackedGraph graph;
    private final StringBuilder report = new StringBuilder();

    /** Per dataset: how interactions are typed, which attack models and fillers apply, where targets come from. */
    record Setup(String type, boolean ratings, List<String> models, List<Double> fillers, double exposureFiller,
            int minTargetDegree, int maxTargetDegree) {
        static Setup of(String dataset) {
            return dataset.equals("completejourney")
                    ? new Setup("PURCHASED", false, List.of("random", "bandwagon", "popular"),
                            List.of(10.0, 25.0, 50.0), 25.0, 3, 10)
                    : new Setup("RATED", true, List.of("random", "average", "bandwagon", "popular"),
                            List.of(0.01, 0.03, 0.10), 0.03, 5, 30);
        }
    }

    private PushAttackBenchmark(String name) {
        this.setup = Setup.of(name);
        this.dataset = BenchmarkData.dataset(name);
        this.train = CanonicalRows.read(dataset, "train");
        this.graph = AttackedGraph.load(dataset, setup.type(), train);
    }

    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : "ml-100k";
        String mode = args.length > 1 ? args[1] : "detect";
        List<Long> seeds = new ArrayList<>();
        for (int a = 2; a < args.length; a++) {
            seeds.add(Long.parseLong(args[a]));
        }
        if (seeds.isEmpty()) {
            seeds.add(1L);
        }
        PushAttackBenchmark bench = new PushAttackBenchmark(name);
        try {
            if (!mode.equals("exposure")) {
                bench.detection(seeds);
            }
            if (!mode.equals("detect")) {
                bench.exposure(seeds.get(0));
            }
        } finally {
            bench.graph.close();
        }
        Path out = Path.of("target", "risk-" + name + "-" + mode + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, bench.report.toString());
        System.out.println("written " + out.toAbsolutePath());
        System.exit(0);
    }

    private void detection(List<Long> seeds) {
        line("| attack | profiles | detected (recall) | real customers flagged (FPR) | detected by |");
        line("|---|---|---|---|---|");
        graph.detect();
        Map<String, Set<String>> clean = graph.flagged();
        long real = realCustomers().size();
        line(String.format(Locale.ROOT, "| none (clean data) | 0 | – | %d of %d (%.2f%%) | %s |", clean.size(), real,
                100.0 * clean.size() / real, kinds(clean)));
        graph.reset();
        List<PushAttack> attacks = new ArrayList<>();
        for (String model : setup.models()) {
            for (double size : List.of(0.01, 0.03, 0.05)) {
                for (double filler : setup.fillers()) {
                    attacks.add(new PushAttack(model, size, filler, "sessions"));
                }
                attacks.add(new PushAttack(model, size, setup.exposureFiller(), "burst"));
                attacks.add(new PushAttack(model, size, setup.exposureFiller(), "stealthy"));
            }
        }
        for (PushAttack attack : attacks) {
            int profiles = 0;
            int detected = 0;
            int falsePositives = 0;
            Map<String, Set<String>> byKind = new TreeMap<>();
            for (long seed : seeds) {
                String target = target(seed);
                List<Interaction> injected = attack.profiles(train, target, setup.ratings(), seed);
                graph.inject(injected);
                graph.detect();
                Map<String, Set<String>> flagged = graph.flagged();
                Set<String> attackers = injected.stream().map(Interaction::customer).collect(Collectors.toSet());
                profiles += attackers.size();
                for (Map.Entry<String, Set<String>> f : flagged.entrySet()) {
                    if (attackers.contains(f.getKey())) {
                        detected++;
                        byKind.put(f.getKey() + seed, f.getValue());
                    } else {
                        falsePositives++;
                    }
                }
                graph.reset();
            }
            line(String.format(Locale.ROOT, "| %s | %d | %d (%.3f) | %d (%.2f%%) | %s |", attack.label(), profiles,
                    detected, (double) detected / profiles, falsePositives,
                    100.0 * falsePositives / (real * seeds.size()), kinds(byKind)));
        }
    }

    private void exposure(long seed) {
        String target = target(seed);
        Map<String, List<String>> test = new HashMap<>();
        CanonicalRows.read(dataset, "test").forEach(i -> test.computeIfAbsent(i.customer(), k -> new ArrayList<>())
                .add(i.item()));
        line("");
        line(String.format(Locale.ROOT, "Target item %s (%d customers in train), seed %d; real customers: %d.",
                target, degree(target), seed, test.size()));
        line("");
        line("| attack | target in top-10, no defence | target in top-10, defence | nDCG@10 no defence | "
                + "nDCG@10 defence | real customers flagged | train s |");
        line("|---|---|---|---|---|---|---|");
        Outcome clean = outcome(target, test, false);
        graph.detect();
        Map<String, Set<String>> cleanFlags = graph.flagged();
        Outcome cleanDefended = cleanFlags.isEmpty() ? clean : outcome(target, test, true);
        row("none", clean, cleanDefended, cleanFlags.size());
        graph.reset();
        // -Dkgrec.attack.models=random,bandwagon -Dkgrec.attack.sizes=0.05,0.1 narrow the (slow) exposure runs.
        List<String> models = System.getProperty("kgrec.attack.models") == null ? setup.models()
                : List.of(System.getProperty("kgrec.attack.models").split(","));
        List<Double> sizes = java.util.Arrays.stream(System.getProperty("kgrec.attack.sizes", "0.01,0.03,0.05")
                .split(",")).map(Double::valueOf).toList();
        for (String model : models) {
            for (double size : sizes) {
                PushAttack attack = new PushAttack(model, size, setup.exposureFiller(), "sessions");
                List<Interaction> injected = attack.profiles(train, target, setup.ratings(), seed);
                graph.inject(injected);
                Outcome open = outcome(target, test, false);
                graph.detect();
                Map<String, Set<String>> flagged = graph.flagged();
                Set<String> attackers = injected.stream().map(Interaction::customer).collect(Collectors.toSet());
                long realFlagged = flagged.keySet().stream().filter(c -> !attackers.contains(c)).count();
                Outcome defended = outcome(target, test, true);
                row(attack.label(), open, defended, realFlagged);
                graph.reset();
            }
        }
    }

    private record Outcome(int targetInTop, double ndcg, double trainSeconds) {
    }

    private Outcome outcome(String target, Map<String, List<String>> test, boolean defence) {
        double seconds = graph.train(defence);
        Map<String, Integer> index = new HashMap<>();
        int hits = 0;
        double ndcg = 0;
        for (Map.Entry<String, List<String>> e : test.entrySet()) {
            List<String> top = graph.top(e.getKey(), 10);
            if (top.contains(target)) {
                hits++;
            }
            int[] ranked = top.stream().mapToInt(i -> index.computeIfAbsent(i, k -> index.size())).toArray();
            int[] relevant = e.getValue().stream().mapToInt(i -> index.computeIfAbsent(i, k -> index.size()))
                    .sorted().toArray();
            ndcg += RankingMetrics.ndcg(ranked, relevant, 10);
        }
        System.out.printf(Locale.ROOT, "  trained (defence %s) in %.1f s%n", defence, seconds);
        return new Outcome(hits, ndcg / test.size(), seconds);
    }

    private void row(String label, Outcome open, Outcome defended, long realFlagged) {
        line(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %.4f | %d | %.0f + %.0f |", label, open.targetInTop(),
                defended.targetInTop(), open.ndcg(), defended.ndcg(), realFlagged, open.trainSeconds(),
                defended == open ? 0 : defended.trainSeconds()));
    }

    /** The pushed item: drawn with the seed among items that few customers have (pushes target those). */
    private String target(long seed) {
        List<String> candidates = train.stream().map(Interaction::item).distinct().sorted()
                .filter(i -> degree(i) >= setup.minTargetDegree() && degree(i) <= setup.maxTargetDegree()).toList();
        return candidates.get(new Random(seed).nextInt(candidates.size()));
    }

    private final Map<String, Long> degrees = new HashMap<>();

    private long degree(String item) {
        if (degrees.isEmpty()) {
            train.forEach(i -> degrees.merge(i.item(), 1L, Long::sum));
        }
        return degrees.getOrDefault(item, 0L);
    }

    private Set<String> realCustomers() {
        return train.stream().map(Interaction::customer).collect(Collectors.toSet());
    }

    private static String kinds(Map<String, Set<String>> flagged) {
        Map<String, Integer> counts = new TreeMap<>();
        flagged.values().forEach(ks -> ks.forEach(k -> counts.merge(k, 1, Integer::sum)));
        return counts.isEmpty() ? "–" : counts.toString().replaceAll("[{}]", "");
    }

    private void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }
}
