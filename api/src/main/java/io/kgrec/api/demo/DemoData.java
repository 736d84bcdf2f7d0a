package io.kgrec.api.demo;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.loader.LoadResult;
import io.kgrec.loader.Loader;
import io.kgrec.loader.source.completejourney.CompleteJourneySource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.List;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The bundled CC0 Complete Journey sample (see {@code demo/completejourney/PROVENANCE.txt}), loaded into an empty
 * database on first start so a new user has something to query.
 */
public final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String RESOURCES = "classpath:demo/completejourney/*";
    private static final String IS_EMPTY = """
            MATCH (c:Customer) RETURN count(c) = 0 AS empty
            """;

    private DemoData() {
    }

    /**
     * Loads the demo data if the database has no customers yet.
     *
     * @param workDir where the files are unpacked and the quarantine file is written
     * @return the load's result, or {@code null} when the database already had data
     */
    public static LoadResult loadIfEmpty(GraphConnection graph, Path workDir) {
        if (!isEmpty(graph)) {
            LOG.info("the database has data; the demo data is not loaded");
            return null;
        }
        Path folder = unpack(workDir.resolve("demo-completejourney"));
        LOG.info("empty database: loading the bundled Complete Journey demo data");
        long started = System.nanoTime();
        LoadResult result = new Loader(graph.driver(), graph.database()).load(
                List.of(new CompleteJourneySource(folder)), workDir.resolve("demo-quarantine.tsv"), ZoneOffset.UTC);
        LOG.info("demo data loaded in {} s: {} customers, {} items, {} interactions; {} rows quarantined in {}",
                String.format("%.1f", (System.nanoTime() - started) / 1e9), result.customers(), result.items(),
                result.interactions(), result.report().totalQuarantined(), result.quarantineFile());
        return result;
    }

    private static boolean isEmpty(GraphConnection graph) {
        try (Session session = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
            return session.executeRead(tx -> tx.run(IS_EMPTY).single().get("empty").asBoolean());
        }
    }

    private static Path unpack(Path folder) {
        try {
            Files.createDirectories(folder);
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(RESOURCES)) {
                try (InputStream in = r.getInputStream()) {
                    Files.copy(in, folder.resolve(r.getFilename()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo data into " + folder, e);
        }
    }
}
