package io.kgrec.api.audit;

import io.kgrec.api.audit.AuditReport.ConfigurationAudit;
import io.kgrec.api.audit.AuditReport.CustomerBreakdown;
import io.kgrec.api.audit.AuditReport.CustomerGroup;
import io.kgrec.api.audit.AuditReport.PopularityBias;
import io.kgrec.api.evaluation.AccuracyMetrics;
import io.kgrec.api.evaluation.AccuracyReport;
import io.kgrec.api.evaluation.ExplainedItem;
import io.kgrec.api.evaluation.ExplanationMetrics;
import io.kgrec.api.evaluation.ExplanationReport;
import io.kgrec.api.evaluation.HeldOut;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns one configuration's explained lists into its audit figures. Accuracy, coverage, Gini and average popularity
 * are the offline evaluation's own metrics ({@link AccuracyMetrics}), explanation quality is {@link ExplanationMetrics},
 * both applied to the whole audience and to each customer group.
 *
 * <p>On a live graph there are no held-out items. The relevance model then holds each audited customer with one
 * placeholder item outside the catalogue: the catalogue figures (coverage, Gini, popularity), which read only the
 * lists and the training histories, come out exactly as defined, and the accuracy figures, which would all be 0, are
 * not reported.
 */
final class ReportBuilder {
    /** The held-out item of a live audit: never in the catalogue, so never a hit. */
    static final String NO_HELD_OUT = "\u0000no held-out item";

    private final HeldOut relevance;
    private final boolean heldOut;
    private final int k;
    private final Set<String> head;
    private final Map<String, Integer> popularity;
    private final Map<String, List<String>> itemGroups;
    private final Map<String, Map<String, String>> customerGroups;

    /**
     * @param customerGroups attribute → customer → group label
     */
    ReportBuilder(HeldOut relevance, boolean heldOut, int k, double headShare, Map<String, List<String>> itemGroups,
            Map<String, Map<String, String>> customerGroups) {
        this.relevance = relevance;
        this.heldOut = heldOut;
        this.k = k;
        this.popularity = relevance.popularity();
        this.head = PopularityFigures.head(relevance.catalog(), popularity, headShare);
        this.itemGroups = itemGroups;
        this.customerGroups = customerGroups;
    }

    /** The relevance model of a live audit: the graph's histories, and no held-out items. */
    static HeldOut live(Map<String, Set<String>> histories, List<String> customers, List<String> catalog) {
        Map<String, Set<String>> none = new TreeMap<>();
        customers.forEach(c -> none.put(c, Set.of(NO_HELD_OUT)));
        return new HeldOut(histories, none, catalog);
    }

    double catalogueLongTailInteractions() {
        return PopularityFigures.longTailInteractions(popularity, head);
    }

    ConfigurationAudit build(AuditConfiguration configuration, Map<String, List<ExplainedItem>> lists) {
        Map<String, List<String>> recs = itemIds(lists);
        AccuracyReport accuracy = AccuracyMetrics.evaluate(recs, relevance, k);
        PopularityBias bias = new PopularityBias(accuracy.averagePopularity(), PopularityFigures.longTailShare(recs, head),
                catalogueLongTailInteractions(), accuracy.gini(), accuracy.coverage());
        List<CustomerBreakdown> breakdowns = new ArrayList<>();
        customerGroups.forEach((attribute, groups) -> breakdowns.add(breakdown(attribute, groups, lists)));
        return new ConfigurationAudit(configuration.label(), configuration.settings(), bias, heldOut ? accuracy : null,
                ExplanationMetrics.evaluate(lists),
                itemGroups == null ? List.of() : ExposureFigures.of(recs, itemGroups, relevance.catalog(), popularity),
                breakdowns);
    }

    private CustomerBreakdown breakdown(String attribute, Map<String, String> groups,
            Map<String, List<ExplainedItem>> lists) {
        List<CustomerGroup> out = new ArrayList<>();
        for (String label : CustomerGrouping.ordered(groups)) {
            Set<String> members = new HashSet<>();
            groups.forEach((c, g) -> {
                if (g.equals(label) && lists.containsKey(c)) {
                    members.add(c);
                }
            });
            if (!members.isEmpty()) {
                out.add(group(label, members, lists));
            }
        }
        return new CustomerBreakdown(attribute, out);
    }

    private CustomerGroup group(String label, Set<String> members, Map<String, List<ExplainedItem>> lists) {
        Map<String, List<ExplainedItem>> theirs = new TreeMap<>();
        Map<String, Set<String>> theirHeldOut = new TreeMap<>();
        for (String c : members) {
            theirs.put(c, lists.get(c));
            theirHeldOut.put(c, relevance.heldOut().getOrDefault(c, Set.of()));
        }
        Map<String, List<String>> recs = itemIds(theirs);
        AccuracyReport a = AccuracyMetrics.evaluate(recs, new HeldOut(relevance.train(), theirHeldOut,
                relevance.catalog()), k);
        ExplanationReport e = ExplanationMetrics.evaluate(theirs);
        return new CustomerGroup(label, members.size(), heldOut ? a.ndcg() : null, heldOut ? a.recall() : null,
                heldOut ? a.hitRate() : null, a.averagePopularity(), PopularityFigures.longTailShare(recs, head),
                a.coverage(), e.itemsWithPath(), e.meanPathsPerItem(), e.throughOtherCustomers(), e.kindEntropyBits());
    }

    private Map<String, List<String>> itemIds(Map<String, List<ExplainedItem>> lists) {
        Map<String, List<String>> recs = new LinkedHashMap<>();
        lists.forEach((c, l) -> recs.put(c, l.stream().map(ExplainedItem::itemId).limit(k).toList()));
        return recs;
    }
}
