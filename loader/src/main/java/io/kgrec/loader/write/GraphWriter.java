package io.kgrec.loader.write;

import io.kgrec.loader.progress.ProgressBar;
import io.kgrec.loader.stage.Fact;
import io.kgrec.loader.stage.FileAccount;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.ItemRecord;
import io.kgrec.loader.stage.LoadReport;
import io.kgrec.loader.stage.MarketingData;
import io.kgrec.loader.stage.MarketingData.Link;
import io.kgrec.model.id.EntityKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.neo4j.driver.Driver;

/**
 * Writes a staged load through the Java driver in phases: nodes, knowledge-graph facts, marketing links, then each
 * source file's interaction contribution, and finally the {@code :SourceFile} records. Nodes come first so every
 * relationship statement finds both ends; a file is recorded as complete only after its contribution is written,
 * so a load killed at any moment and run again ends in the same graph.
 */
public final class GraphWriter {
    private final Driver driver;
    private final String database;
    private final WriteSettings settings;

    public GraphWriter(Driver driver, String database, WriteSettings settings) {
        this.driver = driver;
        this.database = database;
        this.settings = settings;
    }

    /**
     * What was written, and how long each phase took.
     *
     * @param interactionsByProcedure whether interactions were written with the plugin's {@code kgrec.load.contribute}
     *                                rather than the Cypher statements
     */
    public record Summary(long rowsWritten, Map<String, Duration> phases, boolean interactionsByProcedure) {
    }

    public Summary write(GraphData data, LoadReport report) {
        MarketingData m = data.marketing();
        long total = data.customers().size() + data.items().size() + data.entities().size() + data.facts().size()
                + m.campaigns().size() + m.coupons().size() + m.targeted().size() + m.offeredIn().size()
                + m.appliesTo().size() + m.redemptions().size() + data.interactionCount();
        ExecutorService pool = Executors.newFixedThreadPool(settings.writers());
        Map<String, Duration> phases = new LinkedHashMap<>();
        try (ProgressBar progress = ProgressBar.start("writing graph", total)) {
            Batches batches = new Batches(driver, database, settings.batchSize(), settings.writers(), pool, progress);
            timed(phases, "nodes", () -> writeNodes(batches, data));
            timed(phases, "facts", () -> writeFacts(batches, data));
            timed(phases, "marketing", () -> writeMarketing(batches, m));
            SourceRegister register = new SourceRegister(driver, database);
            boolean procedure = settings.useProcedure() && ContributeProcedure.available(driver, database);
            InteractionWriter interactions = new InteractionWriter(driver, database, batches, register, procedure);
            Map<String, FileAccount> accounts = new HashMap<>();
            report.accounts().stream().filter(a -> a.sourceKey() != null).forEach(a -> accounts.put(a.sourceKey(), a));
            timed(phases, "interactions", () -> data.interactionsBySource().forEach((key, rows) -> {
                InteractionWriter.Written w = interactions.write(key, rows);
                register.complete(key, w.version(), rows.size(), w.types(), accounts.get(key));
            }));
            accounts.forEach((key, account) -> {
                if (data.interactionsBySource().containsKey(key)) {
                    return;
                }
                if (register.hasContributed(key)) {
                    // A file that used to contribute interactions and now stages none (every row quarantined, say)
                    // replaces its contribution with nothing.
                    InteractionWriter.Written w = interactions.write(key, Map.of());
                    register.complete(key, w.version(), 0, w.types(), account);
                } else {
                    register.record(key, account);
                }
            });
            return new Summary(batches.written(), phases, procedure);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void timed(Map<String, Duration> phases, String name, Runnable phase) {
        long started = System.nanoTime();
        phase.run();
        phases.put(name, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void writeNodes(Batches batches, GraphData data) {
        batches.run(NodeStatements.CUSTOMERS, Map.of(), data.customers().entrySet(),
                e -> Map.of("id", e.getKey(), "props", e.getValue()), Map.Entry::getKey);
        batches.run(NodeStatements.ITEMS, Map.of(), data.items().values(), GraphWriter::itemRow, ItemRecord::id);
        batches.run(NodeStatements.ENTITIES, Map.of(), data.entities().values(), GraphWriter::entityRow,
                EntityKey::value);
    }

    private static void writeFacts(Batches batches, GraphData data) {
        Map<String, List<Fact>> byShape = new LinkedHashMap<>();
        for (Fact f : data.facts()) {
            byShape.computeIfAbsent(shapeStatement(f), k -> new ArrayList<>()).add(f);
        }
        byShape.forEach((statement, facts) -> batches.run(statement, Map.of(), facts,
                f -> Map.of("head", f.head(), "type", f.type(), "tail", f.tail()), Fact::head,
                Batches.everyRowMatched("knowledge-graph facts")));
    }

    private static void writeMarketing(Batches batches, MarketingData m) {
        batches.run(MarketingStatements.CAMPAIGNS, Map.of(), m.campaigns().values(), c -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", c.id());
            row.put("type", c.type());
            row.put("start", c.start());
            row.put("end", c.end());
            return row;
        }, null);
        batches.run(MarketingStatements.COUPONS, Map.of(), m.coupons(), upc -> Map.of("upc", upc), null);
        batches.run(MarketingStatements.TARGETED_BY, Map.of(), m.targeted(), GraphWriter::linkRow, null,
                Batches.everyRowMatched("campaign targets (TARGETED_BY)"));
        batches.run(MarketingStatements.OFFERED_IN, Map.of(), m.offeredIn(), GraphWriter::linkRow, null,
                Batches.everyRowMatched("coupons in campaigns (OFFERED_IN)"));
        batches.run(MarketingStatements.APPLIES_TO, Map.of(), m.appliesTo(), GraphWriter::linkRow, null,
                Batches.everyRowMatched("coupon products (APPLIES_TO)"));
        batches.run(MarketingStatements.REDEEMED, Map.of(), m.redemptions().entrySet(),
                e -> Map.of("from", e.getKey().from(), "to", e.getKey().to(), "count", e.getValue().count(),
                        "timestamp", e.getValue().latest()), null,
                Batches.everyRowMatched("coupon redemptions (REDEEMED)"));
    }

    private static String shapeStatement(Fact f) {
        if (f.headIsItem()) {
            return f.tailIsItem() ? NodeStatements.ITEM_TO_ITEM : NodeStatements.ITEM_TO_ENTITY;
        }
        return f.tailIsItem() ? NodeStatements.ENTITY_TO_ITEM : NodeStatements.ENTITY_TO_ENTITY;
    }

    private static Map<String, Object> itemRow(ItemRecord item) {
        return Map.of("id", item.id(), "name", item.name() == null ? "" : item.name(), "props", item.properties());
    }

    private static Map<String, Object> entityRow(EntityKey key) {
        return Map.of("key", key.value(), "type", key.type().name(), "name", key.id(), "label", key.type().label());
    }

    private static Map<String, Object> linkRow(Link link) {
        return Map.of("from", link.from(), "to", link.to());
    }
}
