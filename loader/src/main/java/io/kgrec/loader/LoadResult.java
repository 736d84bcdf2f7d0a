package io.kgrec.loader;

import io.kgrec.loader.profile.ProfileRefresh;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.LoadReport;
import io.kgrec.loader.write.GraphWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a load did: the row accounting per file, where the quarantine went, what was written, the profiles that
 * were refreshed (absent without the plugin) and how long it took.
 */
public record LoadResult(LoadReport report, Path quarantineFile, Counts counts, GraphWriter.Summary written,
        ProfileRefresh.Written profiles, Timing timing) {

    /** What the load staged and wrote. */
    public record Counts(long customers, long items, long entities, long facts, long interactions, long campaigns,
            long coupons, long marketingLinks) {
        static Counts of(GraphData data) {
            var m = data.marketing();
            return new Counts(data.customers().size(), data.items().size(), data.entities().size(),
                    data.facts().size(), data.interactionCount(), m.campaigns().size(), m.coupons().size(),
                    m.targeted().size() + m.offeredIn().size() + m.appliesTo().size() + m.redemptions().size());
        }
    }

    /** Reading and cleaning, the whole load, and the profile refresh within it. */
    public record Timing(Duration reading, Duration total, Duration profiles) {
    }

    public long customers() {
        return counts.customers();
    }

    public long items() {
        return counts.items();
    }

    public long interactions() {
        return counts.interactions();
    }

    public void print(PrintStream out) {
        report.print(out);
        out.println(report.balanceLine());
        out.printf("wrote %,d customers, %,d items, %,d entities, %,d knowledge-graph facts, %,d interactions",
                counts.customers(), counts.items(), counts.entities(), counts.facts(), counts.interactions());
        if (counts.campaigns() + counts.coupons() > 0) {
            out.printf(", %,d campaigns, %,d coupons, %,d marketing links", counts.campaigns(), counts.coupons(),
                    counts.marketingLinks());
        }
        out.println();
        if (counts.interactions() > 0) {
            out.println(written.interactionsByProcedure() ? "interactions written with the plugin's kgrec.load.contribute"
                    : "interactions written with Cypher statements (the server has no kgrec.load.contribute)");
        }
        if (profiles != null) {
            out.printf("profiled %,d of %,d customers, %,d affinities%n", profiles.profiled(), profiles.customers(),
                    profiles.affinities());
        }
        long q = report.totalQuarantined();
        out.println(q == 0 ? "no rows quarantined" : q + " rows quarantined with their reasons in " + quarantineFile);
        double seconds = timing.total().toNanos() / 1e9;
        out.printf("%,d rows in %.1f s (%,.0f rows/s)%n", report.totalRead(), seconds, report.totalRead() / seconds);
    }
}
