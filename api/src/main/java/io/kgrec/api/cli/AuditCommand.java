package io.kgrec.api.cli;

import io.kgrec.api.audit.Audit;
import io.kgrec.api.audit.AuditConfiguration;
import io.kgrec.api.audit.AuditHtml;
import io.kgrec.api.audit.AuditJson;
import io.kgrec.api.audit.AuditOptions;
import io.kgrec.api.audit.AuditReport;
import io.kgrec.api.evaluation.OfflineEvaluation;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.model.schema.InteractionType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code kgrec audit}: the bias and fairness audit, as JSON and as a self-contained HTML page. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audits the recommendations for popularity bias, exposure by item group, accuracy or exposure "
                + "by customer group, and explanation quality, for one or more recommender configurations; writes "
                + "audit.json and audit.html (self-contained, charts inline).",
                "With a canonical dataset folder: loads its training split into a fresh embedded database, trains and "
                        + "evaluates like `kgrec evaluate`, and measures accuracy per customer group on the held-out "
                        + "split. Without: audits the live graph (NEO4J_URI, or the embedded database in "
                        + "KGREC_DATA_DIR), which has no held-out data."})
public final class AuditCommand implements Callable<Integer> {
    enum Split { test, valid }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameters(index = "0", arity = "0..1", description = "A canonical dataset folder (shared/eval/FORMAT.md); "
            + "omit to audit the live graph.")
    Path dataset;

    @Option(names = "--k", defaultValue = "10", description = "List length. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--item-group", description = "Item property or entity type to break exposure down by, e.g. "
            + "department, genre, brand (property:x or entity:x to choose).")
    String itemGroup;

    @Option(names = "--customer-group", description = "Customer attribute to break accuracy and exposure down by, "
            + "e.g. age, income; repeatable.")
    List<String> customerGroups = new ArrayList<>();

    @Option(names = "--config", description = "A recommender configuration to compare, as label=JSON, e.g. "
            + "'diverse={\"diversity\": 0.5}'; repeatable. Default: the default configuration, and diversity 0.5 "
            + "when the recommender has that setting.")
    List<String> configs = new ArrayList<>();

    @Option(names = "--sample", defaultValue = "0", description = "Live graph: audit this many customers drawn with "
            + "the seed (0: all). Default: ${DEFAULT-VALUE}.")
    int sample;

    @Option(names = "--seed", defaultValue = "42", description = "Training and sampling seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--head-share", defaultValue = "0.2", description = "Share of the catalogue, most popular first, "
            + "that is the head. Default: ${DEFAULT-VALUE}.")
    double headShare;

    @Option(names = "--split", defaultValue = "test", description = "Dataset: test or valid. Default: ${DEFAULT-VALUE}.")
    Split split;

    @Option(names = "--interaction-type", defaultValue = "INTERACTED", description = "Dataset: how interactions read "
            + "in sentences (PURCHASED, RATED...). Default: ${DEFAULT-VALUE}.")
    InteractionType interactionType;

    @Option(names = "--out", defaultValue = "audit", description = "Folder for audit.json and audit.html. "
            + "Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--threads", defaultValue = "2", description = "Parallel recommendation sessions. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() throws IOException {
        AuditOptions options = new AuditOptions(k, itemGroup, customerGroups, configurations(), sample, seed,
                headShare);
        AuditReport report;
        try {
            report = dataset == null ? live(options) : onDataset(options);
        } catch (IllegalArgumentException e) {
            System.err.println("audit: " + e.getMessage());
            return 2;
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("audit.json"), AuditJson.of(report), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("audit.html"), AuditHtml.of(report), StandardCharsets.UTF_8);
        print(report);
        return 0;
    }

    private AuditReport live(AuditOptions options) {
        try (GraphConnection graph = GraphConnection.open(GraphSettings.from(System::getenv))) {
            return new Audit(graph, threads).live(options);
        }
    }

    private AuditReport onDataset(AuditOptions options) throws IOException {
        Path work = Files.createTempDirectory("kgrec-audit");
        GraphSettings settings = GraphSettings.from(name -> null).withDataDir(work.resolve("neo4j")).withBoltPort(0);
        boolean test = split == Split.test;
        OfflineEvaluation.Options evaluation = new OfflineEvaluation.Options(dataset, test ? "train" : "valid_train",
                test ? "test" : "valid", k, seed, interactionType, out.resolve("recs.tsv"),
                work.resolve("quarantine.tsv"), true, threads);
        try (GraphConnection graph = GraphConnection.open(settings)) {
            return new Audit(graph, threads).onDataset(evaluation, options);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<AuditConfiguration> configurations() {
        List<AuditConfiguration> out = new ArrayList<>();
        for (String c : configs) {
            int eq = c.indexOf('=');
            int brace = c.indexOf('{');
            boolean labelled = eq > 0 && (brace < 0 || eq < brace);
            String label = labelled ? c.substring(0, eq).strip() : c.strip();
            String json = labelled ? c.substring(eq + 1) : c;
            Map<String, Object> settings;
            try {
                settings = JSON.readValue(json, Map.class);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--config '" + c + "' is not label=JSON object: " + e.getMessage());
            }
            out.add(new AuditConfiguration(label, settings));
        }
        return out;
    }

    private void print(AuditReport r) {
        System.out.printf(Locale.ROOT, "audit of %s: %d customers, k %d; written %s and %s%n", r.source(),
                r.customers(), r.k(), out.resolve("audit.json"), out.resolve("audit.html"));
        for (AuditReport.ConfigurationAudit c : r.configurations()) {
            System.out.printf(Locale.ROOT, "%-16s avg popularity %.1f, long tail %.1f%% (consumption %.1f%%), "
                            + "Gini %.4f, coverage %.1f%%, items with a path %.1f%%%s%n", c.label(),
                    c.popularity().averagePopularity(), 100 * c.popularity().longTailShare(),
                    100 * c.popularity().catalogueLongTailInteractions(), c.popularity().gini(),
                    100 * c.popularity().coverage(), 100 * c.explanation().itemsWithPath(),
                    c.accuracy() == null ? "" : String.format(Locale.ROOT, ", nDCG@%d %.4f", r.k(),
                            c.accuracy().ndcg()));
        }
        r.notes().forEach(n -> System.out.println("note: " + n));
    }
}
