package io.kgrec.api.audit;

import io.kgrec.api.evaluation.ExplainedItem;
import io.kgrec.api.evaluation.HeldOut;
import io.kgrec.api.evaluation.OfflineEvaluation;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.cypher.graph.KnownNames;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Runs a bias and fairness audit: on a live graph (exposure, coverage and explanation quality by group, no accuracy),
 * or on a canonical dataset split (the offline evaluation first, then accuracy by customer group as well).
 */
public final class Audit {
    /** The setting the recommender's diversity knob goes by, when it has one. */
    static final String DIVERSITY = "diversity";
    private static final double DIVERSITY_COMPARED = 0.5;

    private final GraphConnection graph;
    private final AuditGraph reader;
    private final int threads;

    public Audit(GraphConnection graph, int threads) {
        this.graph = graph;
        this.reader = new AuditGraph(graph);
        this.threads = threads;
    }

    /** Audits the recommendations the graph serves now, for all customers or a seeded sample. */
    public AuditReport live(AuditOptions o) {
        Map<String, Set<String>> histories = reader.histories();
        List<String> customers = sample(new ArrayList<>(histories.keySet()), o.sample(), o.seed());
        HeldOut relevance = ReportBuilder.live(histories, customers, reader.items());
        List<String> notes = new ArrayList<>();
        notes.add("Live graph: no held-out interactions, so accuracy is not measured; customer groups are compared "
                + "on exposure, coverage and explanation quality. Run `kgrec audit <dataset folder>` for accuracy.");
        if (o.sample() > 0 && customers.size() < histories.size()) {
            notes.add(String.format(java.util.Locale.ROOT, "A sample of %d of %d customers (seed %d).",
                    customers.size(), histories.size(), o.seed()));
        }
        return audit(o, customers, relevance, false, "live graph", null, notes);
    }

    /**
     * Audits a canonical dataset split: loads its training split into this (fresh) graph, trains and evaluates it
     * exactly as {@code kgrec evaluate} does, then audits every held-out customer's list.
     */
    public AuditReport onDataset(OfflineEvaluation.Options evaluation, AuditOptions o) {
        OfflineEvaluation.Result result = new OfflineEvaluation(graph).run(evaluation);
        HeldOut relevance = HeldOut.read(evaluation.dataset(), evaluation.trainSplit(), evaluation.heldOutSplit());
        String source = "dataset " + evaluation.dataset().getFileName() + ", " + evaluation.trainSplit() + " → "
                + evaluation.heldOutSplit();
        AuditReport.Baseline baseline = new AuditReport.Baseline(result.accuracy(), result.explanation(),
                result.validationNdcg());
        return audit(o, relevance.customers(), relevance, true, source, baseline, new ArrayList<>());
    }

    private AuditReport audit(AuditOptions o, List<String> customers, HeldOut relevance, boolean heldOut,
            String source, AuditReport.Baseline baseline, List<String> notes) {
        List<AuditConfiguration> configurations = configurations(o, notes);
        AuditGraph.ItemGroups items = o.itemGroup() == null ? null : reader.itemGroups(o.itemGroup());
        if (items != null && items.groups().isEmpty()) {
            notes.add("No item has '" + o.itemGroup() + "' as a property or as an entity type; exposure by item group "
                    + "shows every item under (none).");
        }
        Map<String, Map<String, String>> customerGroups = new LinkedHashMap<>();
        List<String> known = o.customerAttributes().isEmpty() ? List.of() : reader.customerProperties();
        for (String attribute : o.customerAttributes()) {
            if (!known.contains(attribute)) {
                // Otherwise every customer would fall into one group (none), which looks like a finding.
                throw KnownNames.unknown("customer attribute", attribute, "the customer groups", known);
            }
        }
        for (String attribute : o.customerAttributes()) {
            customerGroups.put(attribute, CustomerGrouping.of(customers, reader.customerValues(attribute, customers)));
        }
        ReportBuilder builder = new ReportBuilder(relevance, heldOut, o.k(), o.headShare(),
                items == null ? null : items.groups(), customerGroups);
        AuditRecommender recommender = new AuditRecommender(graph, threads);
        List<AuditReport.ConfigurationAudit> audits = new ArrayList<>();
        for (AuditConfiguration c : configurations) {
            Map<String, List<ExplainedItem>> lists = recommender.lists(customers, c.recommendConfig(o.k()));
            audits.add(builder.build(c, lists));
        }
        return new AuditReport(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), source, heldOut, o.k(),
                customers.size(), relevance.catalog().size(), items == null ? null : items.spec(), o.headShare(),
                baseline, audits, notes);
    }

    /**
     * The configurations to compare. Given none beyond the default, and if the recommender has a diversity knob, the
     * default is compared with diversity {@value #DIVERSITY_COMPARED}; without the knob, the report says so.
     */
    private List<AuditConfiguration> configurations(AuditOptions o, List<String> notes) {
        List<AuditConfiguration> given = o.configurations();
        boolean asksDiversity = given.stream().anyMatch(c -> c.settings().containsKey(DIVERSITY));
        boolean knob = reader.recommenderAccepts(DIVERSITY, 0.0);
        if (!knob) {
            notes.add("The recommender has no 'diversity' setting (kgrec.recommend.stream refused it), so the effect "
                    + "of a diversity knob cannot be measured; the configurations given are compared instead.");
            if (asksDiversity) {
                throw new IllegalArgumentException("a configuration sets 'diversity', which this recommender does "
                        + "not accept");
            }
            return given;
        }
        if (given.size() == 1 && given.get(0).settings().isEmpty()) {
            List<AuditConfiguration> both = new ArrayList<>(given);
            both.add(new AuditConfiguration("diversity " + DIVERSITY_COMPARED, Map.of(DIVERSITY, DIVERSITY_COMPARED)));
            return both;
        }
        return given;
    }

    private static List<String> sample(List<String> customers, int size, long seed) {
        if (size <= 0 || size >= customers.size()) {
            return customers;
        }
        List<String> shuffled = new ArrayList<>(customers);
        Collections.shuffle(shuffled, new Random(seed));
        List<String> chosen = new ArrayList<>(shuffled.subList(0, size));
        Collections.sort(chosen);
        return chosen;
    }
}
