package io.kgrec.loader.testing;

import io.kgrec.loader.source.LoadContext;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.stage.FileAccount;
import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.LoadReport;
import io.kgrec.loader.stage.Quarantine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads sources into the staging graph exactly as a load does, without a database: for tests of cleaning,
 * accounting and quarantine, which happen before anything is written.
 *
 * @param quarantine the quarantine file's lines, header first
 */
public record Staging(GraphData data, LoadReport report, List<String> quarantine) {
    /** "Now" for range checks: 2026-01-01, so tests do not depend on the clock. */
    public static final long NOW = 1_767_225_600L;

    public static Staging read(Path temp, Source... sources) {
        GraphData data = new GraphData();
        LoadReport report = new LoadReport();
        Path file = temp.resolve("quarantine-" + System.nanoTime() + ".tsv");
        try (Quarantine quarantine = Quarantine.writingTo(file)) {
            LoadContext context = new LoadContext(report, quarantine, new Fields(ZoneOffset.UTC, NOW));
            for (Source s : sources) {
                s.read(data, context);
            }
        }
        report.checkBalanced();
        try {
            return new Staging(data, report, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FileAccount account(String fileName) {
        return report.accounts().stream().filter(a -> a.file().getFileName().toString().equals(fileName))
                .findFirst().orElseThrow(() -> new AssertionError("no file " + fileName + " in the report"));
    }
}
