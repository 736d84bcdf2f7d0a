package io.kgrec.loader;

import io.kgrec.loader.stage.LoadReport;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a load did: the row accounting per file, where the quarantine went, and what was written.
 */
public record LoadResult(LoadReport report, Path quarantineFile, long customers, long items, long entities,
        long facts, long interactions, long rowsWritten) {
    public void print(PrintStream out) {
        report.print(out);
        out.printf("wrote %,d customers, %,d items, %,d entities, %,d knowledge-graph facts, %,d interactions%n",
                customers, items, entities, facts, interactions);
        long q = report.totalQuarantined();
        out.println(q == 0 ? "no rows quarantined" : q + " rows quarantined with their reasons in " + quarantineFile);
    }
}
