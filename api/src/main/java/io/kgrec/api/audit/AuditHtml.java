package io.kgrec.api.audit;

import io.kgrec.api.audit.AuditReport.ConfigurationAudit;
import io.kgrec.api.audit.AuditReport.CustomerBreakdown;
import io.kgrec.api.audit.AuditReport.CustomerGroup;
import io.kgrec.api.audit.AuditReport.GroupExposure;
import io.kgrec.api.evaluation.AccuracyReport;
import io.kgrec.api.evaluation.ExplanationReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The audit as one self-contained HTML page: inline CSS and inline SVG charts, no script and nothing fetched, so it
 * can be mailed, archived or opened offline. Every chart has its table beside it.
 */
public final class AuditHtml {
    private static final String STYLE = """
            body{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
            h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{margin-top:1.4em}
            table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}
            th{background:#f3f3f3}.note{background:#fff8e0;border-left:4px solid #e6b800;padding:.4em .8em}
            .meta td{text-align:left}figure{margin:.5em 0}
            """;

    private final AuditReport report;
    private final StringBuilder html = new StringBuilder();

    private AuditHtml(AuditReport report) {
        this.report = report;
    }

    public static String of(AuditReport report) {
        return new AuditHtml(report).page();
    }

    private String page() {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>kgrec audit: ")
                .append(Html.escape(report.source())).append("</title><style>").append(STYLE)
                .append("</style></head><body>");
        html.append("<h1>Bias and fairness audit</h1>");
        meta();
        for (String note : report.notes()) {
            html.append("<p class=\"note\">").append(Html.escape(note)).append("</p>");
        }
        if (report.baseline() != null) {
            baseline();
        }
        popularity();
        if (report.itemGroupBy() != null) {
            itemGroups();
        }
        customerGroups();
        explanations();
        return html.append("</body></html>\n").toString();
    }

    private void meta() {
        html.append("<table class=\"meta\">");
        row("audited", report.source());
        row("generated", report.generatedAt());
        row("customers audited", String.valueOf(report.customers()));
        row("catalogue items", String.valueOf(report.catalogItems()));
        row("list length k", String.valueOf(report.k()));
        row("head", String.format(Locale.ROOT, "the %.0f%% most popular items", 100 * report.headShare()));
        row("item groups", report.itemGroupBy() == null ? "–" : report.itemGroupBy());
        List<String> configs = report.configurations().stream().map(c -> c.label() + " " + c.settings()).toList();
        row("configurations", String.join("; ", configs));
        html.append("</table>");
    }

    private void baseline() {
        AccuracyReport a = report.baseline().accuracy();
        ExplanationReport e = report.baseline().explanation();
        html.append("<h2>Offline evaluation</h2><p>The same protocol and figures as <code>kgrec evaluate</code>, "
                + "default configuration.</p><table><tr><th>nDCG@k</th><th>recall</th><th>precision</th>"
                + "<th>hit rate</th><th>MRR</th><th>coverage</th><th>Gini</th><th>paths verified</th>"
                + "<th>paths failed</th></tr><tr>");
        for (double v : new double[] {a.ndcg(), a.recall(), a.precision(), a.hitRate(), a.mrr(), a.coverage(),
                a.gini()}) {
            cell(num(v, 4));
        }
        cell(String.valueOf(e.pathsVerified()));
        cell(String.valueOf(e.pathsFailed()));
        html.append("</tr></table>");
    }

    private void popularity() {
        html.append("<h2>Popularity bias</h2><p>Average popularity is the mean number of customers who have a "
                + "recommended item; the long tail is every item outside the head. A recommender that followed "
                + "consumption would give the tail ")
                .append(pct(report.configurations().get(0).popularity().catalogueLongTailInteractions()))
                .append(" of the slots.</p><table><tr><th>configuration</th><th>average popularity</th>"
                        + "<th>long-tail share</th><th>Gini</th><th>coverage</th></tr>");
        for (ConfigurationAudit c : report.configurations()) {
            html.append("<tr>");
            cell(c.label());
            cell(num(c.popularity().averagePopularity(), 1));
            cell(pct(c.popularity().longTailShare()));
            cell(num(c.popularity().gini(), 4));
            cell(pct(c.popularity().coverage()));
            html.append("</tr>");
        }
        html.append("</table>");
        List<String> categories = List.of("long-tail share", "coverage", "Gini");
        List<SvgBars.Series> series = new ArrayList<>();
        for (ConfigurationAudit c : report.configurations()) {
            series.add(new SvgBars.Series(c.label(), new double[] {c.popularity().longTailShare(),
                    c.popularity().coverage(), c.popularity().gini()}));
        }
        figure(SvgBars.chart("Popularity bias by configuration", categories, series, 100, "%.1f%%"));
    }

    private void itemGroups() {
        html.append("<h2>Exposure by item group (").append(Html.escape(report.itemGroupBy())).append(")</h2>")
                .append("<p>Each group's share of the recommendation slots next to its share of the customers' "
                        + "interactions. A ratio below 1 means the group is shown less than it is consumed.</p>");
        List<String> groups = report.configurations().get(0).itemGroups().stream().map(GroupExposure::group).toList();
        List<SvgBars.Series> series = new ArrayList<>();
        series.add(new SvgBars.Series("share of interactions", values(report.configurations().get(0).itemGroups(),
                groups, GroupExposure::interactionShare)));
        for (ConfigurationAudit c : report.configurations()) {
            series.add(new SvgBars.Series("exposure: " + c.label(), values(c.itemGroups(), groups,
                    GroupExposure::exposureShare)));
        }
        figure(SvgBars.chart("Exposure by item group", groups, series, 100, "%.1f%%"));
        html.append("<table><tr><th>group</th><th>items</th><th>catalogue</th><th>interactions</th>");
        report.configurations().forEach(c -> html.append("<th>exposure: ").append(Html.escape(c.label()))
                .append("</th><th>ratio</th>"));
        html.append("</tr>");
        for (String g : groups) {
            GroupExposure first = find(report.configurations().get(0).itemGroups(), g);
            html.append("<tr>");
            cell(g);
            cell(num(first.items(), 1));
            cell(pct(first.catalogueShare()));
            cell(pct(first.interactionShare()));
            for (ConfigurationAudit c : report.configurations()) {
                GroupExposure e = find(c.itemGroups(), g);
                cell(e == null ? "–" : pct(e.exposureShare()));
                cell(e == null ? "–" : num(e.exposureRatio(), 2));
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private void customerGroups() {
        if (report.configurations().get(0).customerGroups().isEmpty()) {
            return;
        }
        html.append("<h2>Customer groups</h2><p>").append(report.heldOut()
                ? "Accuracy on the held-out items, and what each group is shown, per group of customers."
                : "Without held-out data: what each group is shown (popularity, long tail, coverage) and how well "
                        + "it is explained.").append("</p>");
        for (int b = 0; b < report.configurations().get(0).customerGroups().size(); b++) {
            int at = b;
            CustomerBreakdown first = report.configurations().get(0).customerGroups().get(b);
            html.append("<h3>by ").append(Html.escape(first.attribute())).append("</h3>");
            List<String> groups = first.groups().stream().map(CustomerGroup::group).toList();
            List<SvgBars.Series> series = new ArrayList<>();
            for (ConfigurationAudit c : report.configurations()) {
                List<CustomerGroup> gs = c.customerGroups().get(at).groups();
                series.add(new SvgBars.Series(c.label(), groups.stream().mapToDouble(g -> {
                    CustomerGroup cg = gs.stream().filter(x -> x.group().equals(g)).findFirst().orElse(null);
                    return cg == null ? 0 : report.heldOut() ? cg.ndcg() : cg.longTailShare();
                }).toArray()));
            }
            figure(report.heldOut()
                    ? SvgBars.chart("nDCG@" + report.k() + " by " + first.attribute(), groups, series, 1, "%.3f")
                    : SvgBars.chart("Long-tail share by " + first.attribute(), groups, series, 100, "%.1f%%"));
            for (ConfigurationAudit c : report.configurations()) {
                groupTable(c.label(), c.customerGroups().get(at));
            }
        }
    }

    private void groupTable(String label, CustomerBreakdown breakdown) {
        html.append("<table><tr><th>").append(Html.escape(label)).append("</th><th>customers</th>");
        if (report.heldOut()) {
            html.append("<th>nDCG</th><th>recall</th><th>hit rate</th>");
        }
        html.append("<th>avg popularity</th><th>long tail</th><th>coverage</th><th>items with a path</th>"
                + "<th>paths per item</th><th>through other customers</th><th>path-kind entropy</th></tr>");
        for (CustomerGroup g : breakdown.groups()) {
            html.append("<tr>");
            cell(g.group());
            cell(String.valueOf(g.customers()));
            if (report.heldOut()) {
                cell(num(g.ndcg(), 4));
                cell(num(g.recall(), 4));
                cell(num(g.hitRate(), 4));
            }
            cell(num(g.averagePopularity(), 1));
            cell(pct(g.longTailShare()));
            cell(pct(g.coverage()));
            cell(pct(g.itemsWithPath()));
            cell(num(g.meanPathsPerItem(), 2));
            cell(pct(g.pathsThroughOtherCustomers()));
            cell(num(g.pathKindEntropyBits(), 3));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private void explanations() {
        html.append("<h2>Explanation quality</h2><p>Path coverage (items with at least one reason path), path-kind "
                + "diversity, and how many shown paths go through (anonymous groups of) other customers.</p>"
                + "<table><tr><th>configuration</th><th>items with a path</th><th>paths per item</th>"
                + "<th>kind shares</th><th>kind entropy (bits)</th><th>kinds per list</th>"
                + "<th>through other customers</th><th>shown share of score</th></tr>");
        Set<String> kinds = new LinkedHashSet<>();
        for (ConfigurationAudit c : report.configurations()) {
            ExplanationReport e = c.explanation();
            kinds.addAll(e.kindShares().keySet());
            html.append("<tr>");
            cell(c.label());
            cell(pct(e.itemsWithPath()));
            cell(num(e.meanPathsPerItem(), 2));
            cell(e.kindShares().entrySet().stream().map(k -> k.getKey() + " " + pct(k.getValue())).toList()
                    .toString());
            cell(num(e.kindEntropyBits(), 3));
            cell(num(e.meanKindsPerList(), 2));
            cell(pct(e.throughOtherCustomers()));
            cell(pct(e.shownShareOfScore()));
            html.append("</tr>");
        }
        html.append("</table>");
        List<String> categories = new ArrayList<>(List.of("items with a path", "through other customers"));
        kinds.forEach(k -> categories.add("kind " + k));
        List<SvgBars.Series> series = new ArrayList<>();
        for (ConfigurationAudit c : report.configurations()) {
            ExplanationReport e = c.explanation();
            double[] v = new double[categories.size()];
            v[0] = e.itemsWithPath();
            v[1] = e.throughOtherCustomers();
            int i = 2;
            for (String k : kinds) {
                v[i++] = e.kindShares().getOrDefault(k, 0.0);
            }
            series.add(new SvgBars.Series(c.label(), v));
        }
        figure(SvgBars.chart("Explanation quality by configuration", categories, series, 100, "%.1f%%"));
    }

    private static double[] values(List<GroupExposure> exposures, List<String> groups,
            ToDoubleFunction<GroupExposure> f) {
        return groups.stream().mapToDouble(g -> {
            GroupExposure e = find(exposures, g);
            return e == null ? 0 : f.applyAsDouble(e);
        }).toArray();
    }

    private static GroupExposure find(List<GroupExposure> exposures, String group) {
        return exposures.stream().filter(e -> e.group().equals(group)).findFirst().orElse(null);
    }

    private void figure(String svg) {
        html.append("<figure>").append(svg).append("</figure>");
    }

    private void row(String key, String value) {
        html.append("<tr><td>").append(Html.escape(key)).append("</td><td>").append(Html.escape(value))
                .append("</td></tr>");
    }

    private void cell(String text) {
        html.append("<td>").append(Html.escape(text)).append("</td>");
    }

    private static String num(Double v, int digits) {
        return v == null ? "–" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
