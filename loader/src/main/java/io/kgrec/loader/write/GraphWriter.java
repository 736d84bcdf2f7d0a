package io.kgrec.loader.write;

import io.kgrec.loader.progress.ProgressBar;
import io.kgrec.loader.stage.Fact;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.InteractionAggregate;
import io.kgrec.loader.stage.InteractionKey;
import io.kgrec.loader.stage.ItemRecord;
import io.kgrec.model.id.EntityKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Writes a staged load through the Java driver, in batches of parameterised {@code UNWIND ... MERGE} statements.
 * Every statement MERGEs on natural keys and SETs values computed from the input alone, so writing the same data
 * again, or again after a crash half-way, leaves the same graph.
 */
public final class GraphWriter {
    private static final String CUSTOMERS = """
            UNWIND $rows AS row
            MERGE (c:Customer {id: row.id})
            SET c += row.props
            """;
    private static final String ITEMS = """
            UNWIND $rows AS row
            MERGE (i:Item {id: row.id})
            SET i += row.props, i.name = CASE row.name WHEN '' THEN null ELSE row.name END
            """;
    private static final String ENTITIES = """
            UNWIND $rows AS row
            MERGE (e:Entity {key: row.key})
            SET e.type = row.type, e.name = row.name, e:$(row.label)
            """;
    private static final String ITEM_TO_ENTITY = """
            UNWIND $rows AS row
            MATCH (h:Item {id: row.head})
            MATCH (t:Entity {key: row.tail})
            MERGE (h)-[:$(row.type)]->(t)
            """;
    private static final String ITEM_TO_ITEM = """
            UNWIND $rows AS row
            MATCH (h:Item {id: row.head})
            MATCH (t:Item {id: row.tail})
            MERGE (h)-[:$(row.type)]->(t)
            """;
    private static final String ENTITY_TO_ITEM = """
            UNWIND $rows AS row
            MATCH (h:Entity {key: row.head})
            MATCH (t:Item {id: row.tail})
            MERGE (h)-[:$(row.type)]->(t)
            """;
    private static final String ENTITY_TO_ENTITY = """
            UNWIND $rows AS row
            MATCH (h:Entity {key: row.head})
            MATCH (t:Entity {key: row.tail})
            MERGE (h)-[:$(row.type)]->(t)
            """;
    private static final String INTERACTIONS = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.customer})
            MATCH (i:Item {id: row.item})
            MERGE (c)-[r:$(row.type)]->(i)
            SET r.weight = row.weight, r.raw = row.raw, r.count = row.count, r.spend = row.spend,
                r.timestamp = row.timestamp
            """;

    private final Driver driver;
    private final String database;
    private final int batchSize;

    public GraphWriter(Driver driver, String database, int batchSize) {
        this.driver = driver;
        this.database = database;
        this.batchSize = batchSize;
    }

    /** @return the number of rows written (nodes and relationships merged) */
    public long write(GraphData data) {
        long total = data.customers().size() + data.items().size() + data.entities().size() + data.facts().size()
                + data.interactions().size();
        try (Session session = driver.session(SessionConfig.forDatabase(database));
                ProgressBar progress = ProgressBar.start("writing graph", total)) {
            Batcher batcher = new Batcher(session, progress);
            batcher.run(CUSTOMERS, data.customers().entrySet(), e -> Map.of("id", e.getKey(), "props", e.getValue()));
            batcher.run(ITEMS, data.items().values(), GraphWriter::itemRow);
            batcher.run(ENTITIES, data.entities().values(), GraphWriter::entityRow);
            Map<String, List<Fact>> factsByShape = new HashMap<>();
            for (Fact f : data.facts()) {
                factsByShape.computeIfAbsent(shapeQuery(f), k -> new ArrayList<>()).add(f);
            }
            factsByShape.forEach((query, facts) -> batcher.run(query, facts, GraphWriter::factRow));
            batcher.run(INTERACTIONS, data.interactions().entrySet(), e -> interactionRow(e.getKey(), e.getValue()));
            return batcher.written();
        }
    }

    private static String shapeQuery(Fact f) {
        if (f.headIsItem()) {
            return f.tailIsItem() ? ITEM_TO_ITEM : ITEM_TO_ENTITY;
        }
        return f.tailIsItem() ? ENTITY_TO_ITEM : ENTITY_TO_ENTITY;
    }

    private static Map<String, Object> itemRow(ItemRecord item) {
        return Map.of("id", item.id(), "name", item.name() == null ? "" : item.name(), "props", item.properties());
    }

    private static Map<String, Object> entityRow(EntityKey key) {
        return Map.of("key", key.value(), "type", key.type().name(), "name", key.id(), "label", key.type().label());
    }

    private static Map<String, Object> factRow(Fact f) {
        return Map.of("head", f.head(), "type", f.type(), "tail", f.tail());
    }

    private static Map<String, Object> interactionRow(InteractionKey key, InteractionAggregate a) {
        Map<String, Object> row = new HashMap<>();
        row.put("customer", key.customerId());
        row.put("item", key.itemId());
        row.put("type", key.type().relationshipType());
        row.put("weight", a.weight());
        row.put("raw", a.raw());
        row.put("count", a.count());
        row.put("spend", a.spend());
        row.put("timestamp", a.latest());
        return row;
    }

    /** Sends rows in batches, one managed write transaction per batch. */
    private final class Batcher {
        private final Session session;
        private final ProgressBar progress;
        private long written;

        Batcher(Session session, ProgressBar progress) {
            this.session = session;
            this.progress = progress;
        }

        <T> void run(String query, Iterable<T> source, Function<T, Map<String, Object>> toRow) {
            List<Map<String, Object>> batch = new ArrayList<>(batchSize);
            for (T t : source) {
                batch.add(toRow.apply(t));
                if (batch.size() == batchSize) {
                    flush(query, batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                flush(query, batch);
            }
        }

        private void flush(String query, List<Map<String, Object>> rows) {
            session.executeWriteWithoutResult(tx -> tx.run(query, Map.of("rows", rows)).consume());
            written += rows.size();
            progress.advance(rows.size());
        }

        long written() {
            return written;
        }
    }
}
