package io.kgrec.loader;

import io.kgrec.loader.schema.SchemaMigrator;
import io.kgrec.loader.source.LoadContext;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.LoadReport;
import io.kgrec.loader.stage.Quarantine;
import io.kgrec.loader.write.GraphWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.neo4j.driver.Driver;

/**
 * Loads sources into the graph: applies the schema, reads and cleans every source into memory (quarantining bad
 * rows), checks that every row is accounted for, and only then writes. A fatal problem in any file therefore stops
 * the load before the graph is touched.
 */
public final class Loader {
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    private final Driver driver;
    private final String database;
    private final int batchSize;

    public Loader(Driver driver, String database) {
        this(driver, database, DEFAULT_BATCH_SIZE);
    }

    public Loader(Driver driver, String database, int batchSize) {
        this.driver = driver;
        this.database = database;
        this.batchSize = batchSize;
    }

    /**
     * @param quarantineFile where rejected rows go (created, or replaced)
     * @param zone           the zone of local timestamps in sources that do not fix one
     * @throws LoadException on a fatal problem in a source; nothing has been written then
     */
    public LoadResult load(List<Source> sources, Path quarantineFile, ZoneId zone) {
        new SchemaMigrator(driver, database).migrate();
        GraphData data = new GraphData();
        LoadReport report = new LoadReport();
        try (Quarantine quarantine = Quarantine.writingTo(quarantineFile)) {
            LoadContext context = new LoadContext(report, quarantine,
                    new Fields(zone, System.currentTimeMillis() / 1000));
            for (Source source : sources) {
                source.read(data, context);
            }
        }
        report.checkBalanced();
        long written = new GraphWriter(driver, database, batchSize).write(data);
        return new LoadResult(report, quarantineFile, data.customers().size(), data.items().size(),
                data.entities().size(), data.facts().size(), data.interactions().size(), written);
    }
}
