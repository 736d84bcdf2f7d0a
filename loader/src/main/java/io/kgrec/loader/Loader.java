package io.kgrec.loader;

import io.kgrec.loader.profile.ProfileRefresh;
import io.kgrec.loader.schema.SchemaMigrator;
import io.kgrec.loader.source.LoadContext;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.LoadReport;
import io.kgrec.loader.stage.Quarantine;
import io.kgrec.loader.write.GraphWriter;
import io.kgrec.loader.write.WriteSettings;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;

/**
 * Loads sources into the graph: applies the schema, reads and cleans every source into memory (quarantining bad
 * rows), checks that every row is accounted for, and only then writes; finally it refreshes the customer profiles.
 * A fatal problem in any file therefore stops the load before the graph is touched.
 */
public final class Loader {
    public static final int DEFAULT_BATCH_SIZE = WriteSettings.DEFAULT.batchSize();

    private final Driver driver;
    private final String database;
    private final WriteSettings settings;
    private String dateFormat;
    private Charset encoding;
    private Consumer<LoadReport> beforeWriting = report -> { };

    public Loader(Driver driver, String database) {
        this(driver, database, WriteSettings.DEFAULT);
    }

    public Loader(Driver driver, String database, int batchSize) {
        this(driver, database, new WriteSettings(batchSize, WriteSettings.DEFAULT.writers()));
    }

    public Loader(Driver driver, String database, WriteSettings settings) {
        this.driver = driver;
        this.database = database;
        this.settings = settings;
    }

    /**
     * The date format sources without a fixed format use ({@link java.time.format.DateTimeFormatter} pattern).
     *
     * @throws IllegalArgumentException if the pattern is invalid
     */
    public Loader withDateFormat(String pattern) {
        new Fields(ZoneId.of("UTC"), 0).withDateFormat(pattern);
        this.dateFormat = pattern;
        return this;
    }

    /**
     * The encoding of every file whose source or mapping does not state one (formats default to UTF-8, MovieLens to
     * ISO-8859-1).
     */
    public Loader withEncoding(Charset charset) {
        this.encoding = charset;
        return this;
    }

    /** Called once every source is read and balanced, just before the first write: e.g. to report progress. */
    public Loader beforeWriting(Consumer<LoadReport> listener) {
        this.beforeWriting = listener;
        return this;
    }

    /**
     * @param quarantineFile where rejected rows go (created, or replaced)
     * @param zone           the zone of local timestamps in sources that do not fix one
     * @throws LoadException on a fatal problem in a source; nothing has been written then
     */
    public LoadResult load(List<Source> sources, Path quarantineFile, ZoneId zone) {
        long started = System.nanoTime();
        new SchemaMigrator(driver, database).migrate();
        GraphData data = new GraphData();
        LoadReport report = new LoadReport();
        try (Quarantine quarantine = Quarantine.writingTo(quarantineFile)) {
            Fields fields = new Fields(zone, System.currentTimeMillis() / 1000);
            if (dateFormat != null) {
                fields = fields.withDateFormat(dateFormat);
            }
            LoadContext context = new LoadContext(report, quarantine, fields).withEncoding(encoding);
            for (Source source : sources) {
                source.read(data, context);
            }
        }
        report.checkBalanced();
        Duration reading = Duration.ofNanos(System.nanoTime() - started);
        beforeWriting.accept(report);
        GraphWriter.Summary written = new GraphWriter(driver, database, settings).write(data, report);
        long profilesStarted = System.nanoTime();
        var profiles = new ProfileRefresh(driver, database).refresh();
        Duration profiling = Duration.ofNanos(System.nanoTime() - profilesStarted);
        return new LoadResult(report, quarantineFile, LoadResult.Counts.of(data), written, profiles.orElse(null),
                new LoadResult.Timing(reading, Duration.ofNanos(System.nanoTime() - started), profiling));
    }
}
