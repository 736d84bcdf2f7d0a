package io.kgrec.api.bench;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.api.training.ModelTrainer;
import io.kgrec.api.training.TrainingWatch;
import io.kgrec.loader.Loader;
import io.kgrec.loader.source.completejourney.CompleteJourneySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Audiences on real campaign data: the full Complete Journey is loaded without its coupon redemptions (held out),
 * the model is trained, and each campaign's targeted households are ranked by kgrec's campaign audience score; then
 * the same for each coupon with at least {@value #MIN_COUPON_REDEEMERS} redeemers, ranking its campaigns' targets.
 * Against the held-out redeemers it reports AUC, precision@10 and precision@5% of targets, beside RFM baselines
 * (frequency: baskets; monetary: spend, both from the same transactions the graph holds) and random ranking
 * (seeded, averaged over {@value #RANDOM_DRAWS} draws). Run on purpose:
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -pl api -am -Dmdep.outputFile=target/bench.cp \
 *     -Dmdep.includeScope=test
 * java -Xmx6g -cp api/target/test-classes:api/target/classes:$(cat api/target/bench.cp) \
 *     io.kgrec.api.bench.AudienceBenchmark [repeatWeights=0,0.3,1,3,10] [reuse=<work folder printed by a run>]
 * </pre>
 */
public final class AudienceBenchmark {
    static final int MIN_COUPON_REDEEMERS = 5;
    static final int RANDOM_DRAWS = 100;
    static final String SPLIT = "2017-07-01";

    public static void main(String[] args) throws Exception {
        double[] repeatWeights = {0.0, 0.3, 1.0, 3.0, 10.0};
        Path reuse = null;
        for (String arg : args) {
            if (arg.startsWith("repeatWeights=")) {
                repeatWeights = java.util.Arrays.stream(arg.substring("repeatWeights=".length()).split(","))
                        .mapToDouble(Double::parseDouble).toArray();
            } else if (arg.startsWith("reuse=")) {
                reuse = Path.of(arg.substring("reuse=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg
                        + "; use repeatWeights=0,1,... and reuse=<work folder of an earlier run>");
            }
        }
        Path data = CompleteJourneyFiles.folder();
        Truth truth = Truth.read(data);
        Path work = reuse != null ? reuse : Files.createTempDirectory("kgrec-audience-bench");
        System.out.println("work folder " + work);
        GraphSettings settings = GraphSettings.from(name -> null).withDataDir(work.resolve("neo4j")).withBoltPort(0);
        try (GraphConnection graph = GraphConnection.open(settings)) {
            if (reuse == null) {
                loadAndTrain(graph, data, work);
            }
            long redeemedInGraph = graph.driver().executableQuery("MATCH ()-[r:REDEEMED]->() RETURN count(r) AS n")
                    .execute().records().get(0).get("n").asLong();
            long models = graph.driver().executableQuery("MATCH (m:Model {current: true}) RETURN count(m) AS n")
                    .execute().records().get(0).get("n").asLong();
            if (redeemedInGraph != 0 || models != 1) {
                throw new IllegalStateException("held-out redemptions in the graph: " + redeemedInGraph
                        + ", current models: " + models);
            }
            Scorers scorers = new Scorers(graph, truth, repeatWeights);
            // Campaigns starting before July tune the repeat weight; the later ones are reported untouched by tuning.
            Table early = new Table("campaign starting before " + SPLIT);
            Table late = new Table("campaign starting on or after " + SPLIT);
            Table all = new Table("campaign");
            for (String campaign : truth.campaignTargets.keySet()) {
                Set<String> targets = truth.campaignTargets.get(campaign);
                Set<String> redeemers = truth.redeemersOf(campaign, targets);
                if (!redeemers.isEmpty()) {
                    Scores scores = scorers.all("campaign", campaign);
                    all.add(campaign, targets, redeemers, scores);
                    (truth.campaignStart.get(campaign).compareTo(SPLIT) < 0 ? early : late)
                            .add(campaign, targets, redeemers, scores);
                }
            }
            Table coupons = new Table("coupon");
            for (Map.Entry<String, Set<String>> c : truth.couponRedeemers.entrySet()) {
                Set<String> targets = truth.couponTargets(c.getKey());
                Set<String> redeemers = new HashSet<>(c.getValue());
                redeemers.retainAll(targets);
                if (redeemers.size() >= MIN_COUPON_REDEEMERS) {
                    coupons.add(c.getKey(), targets, redeemers, scorers.all("coupon", c.getKey()));
                }
            }
            System.out.printf(Locale.ROOT, "audience calls: %d, mean %.0f ms, max %.0f ms (each over all targets)%n",
                    scorers.calls, scorers.totalMillis / scorers.calls, scorers.maxMillis);
            all.print();
            early.print();
            late.print();
            coupons.print();
        }
    }

    private static void loadAndTrain(GraphConnection graph, Path data, Path work) throws Exception {
        Path loadable = CompleteJourneyFiles.withoutRedemptions(data, work.resolve("data"));
        long t0 = System.nanoTime();
        new Loader(graph.driver(), graph.database()).load(List.of(new CompleteJourneySource(loadable)),
                work.resolve("quarantine.tsv"), ZoneOffset.UTC);
        System.out.printf(Locale.ROOT, "loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        ModelTrainer.Trained trained = new ModelTrainer(graph).train(42, TrainingWatch.NONE);
        System.out.printf(Locale.ROOT, "model %d trained in %.1f s: %d customers, %d items, %d similarities%n",
                trained.version(), trained.seconds(), trained.customers(), trained.items(), trained.similarities());
    }

    /** Scores of every method for one target's households: kgrec's by repeat weight. */
    record Scores(Map<Double, Map<String, Double>> kgrec, Map<String, Double> frequency,
            Map<String, Double> monetary) {
    }

    /** kgrec's audience scores, and the RFM baselines' from the same transactions. */
    static final class Scorers {
        private final GraphConnection graph;
        private final Truth truth;
        private final double[] repeatWeights;
        int calls;
        double totalMillis;
        double maxMillis;

        Scorers(GraphConnection graph, Truth truth, double[] repeatWeights) {
            this.graph = graph;
            this.truth = truth;
            this.repeatWeights = repeatWeights;
        }

        Scores all(String kind, String id) {
            Map<Double, Map<String, Double>> byWeight = new TreeMap<>();
            for (double w : repeatWeights) {
                byWeight.put(w, one(kind, id, w));
            }
            return new Scores(byWeight, truth.baskets, truth.spend);
        }

        private Map<String, Double> one(String kind, String id, double repeatWeight) {
            long t = System.nanoTime();
            Map<String, Double> kgrec = new HashMap<>();
            graph.driver().executableQuery("""
                    CALL kgrec.audience.stream($kind, $id, {targetedOnly: true, topK: 100000, explain: false,
                                                            repeatWeight: $repeat})
                    YIELD customerId, score RETURN customerId, score
                    """).withParameters(Map.of("kind", kind, "id", id, "repeat", repeatWeight)).execute().records()
                    .forEach(r -> kgrec.put(r.get("customerId").asString(), r.get("score").asDouble()));
            double ms = (System.nanoTime() - t) / 1e6;
            calls++;
            totalMillis += ms;
            maxMillis = Math.max(maxMillis, ms);
            return kgrec;
        }
    }

    /** Per-target metrics and their means over targets, for every method. */
    static final class Table {
        private final String what;
        private final Map<String, double[]> sums = new TreeMap<>();
        private int targets;
        private int households;
        private int redeemers;

        Table(String what) {
            this.what = what;
        }

        void add(String id, Set<String> targetSet, Set<String> redeemerSet, Scores s) {
            targets++;
            households += targetSet.size();
            redeemers += redeemerSet.size();
            int fivePercent = Math.max(1, (int) Math.ceil(0.05 * targetSet.size()));
            s.kgrec().forEach((w, scores) -> put(String.format(Locale.ROOT, "kgrec, repeatWeight %.1f", w),
                    metrics(targetSet, redeemerSet, scores, fivePercent)));
            put("RFM frequency (baskets)", metrics(targetSet, redeemerSet, s.frequency(), fivePercent));
            put("RFM monetary (spend)", metrics(targetSet, redeemerSet, s.monetary(), fivePercent));
            double[] random = new double[4];
            for (int d = 0; d < RANDOM_DRAWS; d++) {
                Random rng = new Random(1000L * d + id.hashCode());
                Map<String, Double> r = new HashMap<>();
                targetSet.stream().sorted().forEach(h -> r.put(h, rng.nextDouble()));
                double[] m = metrics(targetSet, redeemerSet, r, fivePercent);
                for (int i = 0; i < 4; i++) {
                    random[i] += m[i] / RANDOM_DRAWS;
                }
            }
            put("random (mean of " + RANDOM_DRAWS + " seeded draws)", random);
        }

        private void put(String method, double[] m) {
            double[] sum = sums.computeIfAbsent(method, k -> new double[4]);
            for (int i = 0; i < 4; i++) {
                sum[i] += m[i];
            }
        }

        private static double[] metrics(Set<String> t, Set<String> r, Map<String, Double> s, int fivePercent) {
            Map<String, Double> scored = new HashMap<>();
            t.forEach(h -> {
                if (s.containsKey(h)) {
                    scored.put(h, s.get(h));
                }
            });
            return new double[] {RedemptionMetrics.auc(t, r, scored), RedemptionMetrics.precisionAt(10, t, r, scored),
                    RedemptionMetrics.precisionAt(fivePercent, t, r, scored), (double) r.size() / t.size()};
        }

        void print() {
            System.out.printf(Locale.ROOT, "%n%d %ss with redeemers among their targets: %d targeted households, "
                    + "%d redeemers (macro means over %ss)%n", targets, what, households, redeemers, what);
            System.out.println("| method | AUC | precision@10 | precision@5% | base rate |");
            System.out.println("|---|---|---|---|---|");
            sums.forEach((method, sum) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n",
                    method, sum[0] / targets, sum[1] / targets, sum[2] / targets, sum[3] / targets));
        }
    }

    /** What the held-out files say: who each campaign targeted, who redeemed what, and the RFM figures. */
    static final class Truth {
        final Map<String, Set<String>> campaignTargets = new TreeMap<>();
        final Map<String, String> campaignStart = new HashMap<>();
        final Map<String, Set<String>> campaignRedeemers = new HashMap<>();
        final Map<String, Set<String>> couponRedeemers = new TreeMap<>();
        final Map<String, Set<String>> couponCampaigns = new HashMap<>();
        final Map<String, Double> baskets = new HashMap<>();
        final Map<String, Double> spend = new HashMap<>();

        static Truth read(Path data) throws java.io.IOException {
            Truth t = new Truth();
            for (String[] r : skipHeader(CompleteJourneyFiles.rows(data.resolve("campaigns.csv.gz")))) {
                t.campaignTargets.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]);
            }
            for (String[] r : skipHeader(CompleteJourneyFiles.rows(data.resolve("campaign_descriptions.csv.gz")))) {
                t.campaignStart.put(r[0], r[2]);
            }
            for (String[] r : skipHeader(CompleteJourneyFiles.rows(data.resolve("coupons.csv.gz")))) {
                t.couponCampaigns.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[2]);
            }
            for (String[] r : skipHeader(CompleteJourneyFiles.rows(data.resolve("coupon_redemptions.csv.gz")))) {
                t.campaignRedeemers.computeIfAbsent(r[2], k -> new HashSet<>()).add(r[0]);
                t.couponRedeemers.computeIfAbsent(r[1], k -> new HashSet<>()).add(r[0]);
            }
            Map<String, Set<String>> basketsOf = new HashMap<>();
            for (String[] r : skipHeader(CompleteJourneyFiles.rows(data.resolve("transactions_sample.csv.gz")))) {
                basketsOf.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[2]);
                t.spend.merge(r[0], Double.parseDouble(r[5]), Double::sum);
            }
            basketsOf.forEach((h, b) -> t.baskets.put(h, (double) b.size()));
            return t;
        }

        private static List<String[]> skipHeader(List<String[]> rows) {
            return rows.subList(1, rows.size());
        }

        Set<String> redeemersOf(String campaign, Set<String> targets) {
            Set<String> r = new HashSet<>(campaignRedeemers.getOrDefault(campaign, Set.of()));
            r.retainAll(targets);
            return r;
        }

        /** The households targeted by any campaign the coupon was offered in. */
        Set<String> couponTargets(String coupon) {
            Set<String> out = new HashSet<>();
            for (String c : couponCampaigns.getOrDefault(coupon, Set.of())) {
                out.addAll(campaignTargets.getOrDefault(c, Set.of()));
            }
            return out;
        }
    }
}
