package io.kgrec.api.cli;

import io.kgrec.api.evaluation.AccuracyReport;
import io.kgrec.api.evaluation.ExplanationReport;
import io.kgrec.api.evaluation.OfflineEvaluation;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.api.training.PhaseBars;
import io.kgrec.model.schema.InteractionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code kgrec evaluate}: the offline protocol on a canonical dataset, in a fresh embedded database. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Loads a canonical dataset's training split into a fresh embedded database, trains, writes "
                + "top-k recommendations for every evaluated customer to recs.tsv, and prints accuracy, catalogue "
                + "and explanation metrics (the same definitions as shared/eval/evaluate.py).",
                "The held-out split is read for its customer ids while recommending, and for its items only after "
                        + "recs.tsv is written."})
public final class EvaluateCommand implements Callable<Integer> {
    enum Split { test, valid }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "The dataset folder (shared/eval/FORMAT.md).")
    Path dataset;

    @Option(names = "--k", defaultValue = "10", description = "List length. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--split", defaultValue = "test",
            description = "test (train.tsv → test.tsv) or valid (valid_train.tsv → valid.tsv). Default: ${DEFAULT-VALUE}.")
    Split split;

    @Option(names = "--out", defaultValue = "recs.tsv", description = "Where recs.tsv goes. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Training seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--interaction-type", defaultValue = "INTERACTED",
            description = "How the interactions read in sentences: PURCHASED, RATED, LISTENED... Default: ${DEFAULT-VALUE}.")
    InteractionType interactionType;

    @Option(names = "--no-verify", description = "Skip checking every shown path against the graph.")
    boolean noVerify;

    @Option(names = "--threads", defaultValue = "2", description = "Parallel recommendation sessions. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--diversity", split = ",", defaultValue = "0",
            description = "Diversity re-ranking (maximal marginal relevance, 0..1), or several values separated by "
                    + "commas: trains once, then recommends and reports once per value (each value's recs.tsv gets "
                    + "-diversity-<value> before its extension). Default: ${DEFAULT-VALUE}.")
    List<Double> diversity;

    @Option(names = "--work-dir", description = "Keep the evaluation database here (default: a temporary folder, deleted).")
    Path workDir;

    @Override
    public Integer call() throws IOException {
        for (double d : diversity) {
            if (!(d >= 0 && d <= 1)) {
                throw new ParameterException(spec.commandLine(), "--diversity must be between 0 and 1, got " + d);
            }
        }
        Path work = workDir != null ? workDir : Files.createTempDirectory("kgrec-evaluate");
        GraphSettings settings = GraphSettings.from(name -> null).withDataDir(work.resolve("neo4j")).withBoltPort(0);
        boolean test = split == Split.test;
        OfflineEvaluation.Options options = new OfflineEvaluation.Options(dataset, test ? "train" : "valid_train",
                test ? "test" : "valid", k, seed, interactionType, out, work.resolve("quarantine.tsv"), !noVerify,
                threads);
        try (GraphConnection graph = GraphConnection.open(settings)) {
            for (OfflineEvaluation.Result r : new OfflineEvaluation(graph, PhaseBars.onStandardError()).run(options, diversity)) {
                print(r, diversity.size() == 1 ? out : OfflineEvaluation.recsFile(out, r.diversity()));
            }
        } finally {
            if (workDir == null) {
                deleteTree(work);
            }
        }
        return 0;
    }

    private void print(OfflineEvaluation.Result r, Path recs) {
        AccuracyReport a = r.accuracy();
        ExplanationReport e = r.explanation();
        System.out.printf(Locale.ROOT, "dataset %s, split %s, k %d, diversity %s, %d customers; recommendations in %s%n",
                dataset.getFileName(), split, a.k(), r.diversity(), a.customers(), recs);
        System.out.printf(Locale.ROOT, "model %d: %d similarities, validation nDCG@10 %.4f%n", r.modelVersion(),
                r.similarities(), r.validationNdcg());
        System.out.printf(Locale.ROOT, "time: load %.1f s, train %.1f s, recommend %.1f s (train + recommend %.1f s), "
                + "verify paths %.1f s%n", r.loadSeconds(), r.trainSeconds(), r.recommendSeconds(),
                r.trainSeconds() + r.recommendSeconds(), r.verifySeconds());
        System.out.printf(Locale.ROOT, "precision %.4f  recall %.4f  ndcg %.4f  hit_rate %.4f  mrr %.4f%n",
                a.precision(), a.recall(), a.ndcg(), a.hitRate(), a.mrr());
        System.out.printf(Locale.ROOT, "coverage %.4f  gini %.4f  avg_popularity %.1f  train_overlap %.4f  "
                        + "customers_without_recs %d%n", a.coverage(), a.gini(), a.averagePopularity(),
                a.trainOverlap(), a.customersWithoutRecommendations());
        System.out.printf(Locale.ROOT, "intra-list diversity %.4f (1 - mean pairwise Jaccard similarity of the items' "
                + "knowledge-graph neighbours, the similarity the diversity re-ranking uses)%n", r.intraListDiversity());
        System.out.printf(Locale.ROOT, "explained: items with a path %.4f, paths per item %.2f, kinds %s, "
                        + "kind entropy %.3f bits, kinds per list %.2f%n", e.itemsWithPath(), e.meanPathsPerItem(),
                e.kindShares(), e.kindEntropyBits(), e.meanKindsPerList());
        System.out.printf(Locale.ROOT, "paths through other customers %.4f, shown share of score %.4f, prior share "
                        + "%.4f, max |score - parts| %.2e, paths verified %d, failed %d%n", e.throughOtherCustomers(),
                e.shownShareOfScore(), e.priorShareOfScore(), e.maxDecompositionError(), e.pathsVerified(),
                e.pathsFailed());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
