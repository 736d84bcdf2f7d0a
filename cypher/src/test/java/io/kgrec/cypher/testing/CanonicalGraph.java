package io.kgrec.cypher.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Builds a kgrec graph from a canonical benchmark folder (shared/eval/FORMAT.md) with plain Cypher, for procedure
 * tests on real data. The loader module does this for the product; the plugin's tests must not depend on it.
 */
public final class CanonicalGraph {
    private static final String ITEMS = """
            UNWIND $rows AS row CREATE (:Item {id: row[0], name: row[1]})
            """;
    private static final String CUSTOMERS = """
            UNWIND $rows AS row CREATE (c:Customer {id: row.id}) SET c += row.props
            """;
    private static final String ENTITIES = """
            UNWIND $rows AS row MERGE (e:Entity {key: row.key}) ON CREATE SET e.type = row.type, e.name = row.name,
              e:$(row.label)
            """;
    private static final String ITEM_FACTS = """
            UNWIND $rows AS row MATCH (h:Item {id: row.head}) MATCH (t:Entity {key: row.tail})
            CREATE (h)-[:$(row.type)]->(t)
            """;
    private static final String ITEM_ITEM_FACTS = """
            UNWIND $rows AS row MATCH (h:Item {id: row.head}) MATCH (t:Item {id: row.tail})
            CREATE (h)-[:$(row.type)]->(t)
            """;
    private static final String INTERACTIONS = """
            UNWIND $rows AS row MATCH (c:Customer {id: row.customer}) MATCH (i:Item {id: row.item})
            CREATE (c)-[:$($type) {raw: row.raw, weight: log(1 + row.raw), count: 1}]->(i)
            """;

    private CanonicalGraph() {
    }

    /**
     * @param split           the interactions file under {@code split/}, e.g. {@code train}
     * @param interactionType e.g. RATED
     */
    public static void load(GraphDatabaseService db, Path folder, String split, String interactionType) {
        db.executeTransactionally("CREATE CONSTRAINT IF NOT EXISTS FOR (n:Item) REQUIRE n.id IS UNIQUE");
        db.executeTransactionally("CREATE CONSTRAINT IF NOT EXISTS FOR (n:Customer) REQUIRE n.id IS UNIQUE");
        db.executeTransactionally("CREATE CONSTRAINT IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE");
        batches(db, ITEMS, rows(folder.resolve("items.tsv")).map(r -> (Object) List.of(r[0], r.length > 1 ? r[1] : ""))
                .toList(), Map.of());
        Map<String, Map<String, Object>> customers = new HashMap<>();
        Path customerFile = folder.resolve("customers.tsv");
        List<String[]> interactions = rows(folder.resolve("split").resolve(split + ".tsv")).toList();
        interactions.forEach(r -> customers.putIfAbsent(r[0], new HashMap<>()));
        if (Files.exists(customerFile)) {
            String[] header = header(customerFile);
            rows(customerFile).forEach(r -> {
                Map<String, Object> props = customers.computeIfAbsent(r[0], k -> new HashMap<>());
                for (int c = 1; c < Math.min(header.length, r.length); c++) {
                    props.put(header[c], r[c]);
                }
            });
        }
        batches(db, CUSTOMERS, customers.entrySet().stream()
                .map(e -> (Object) Map.of("id", e.getKey(), "props", e.getValue())).toList(), Map.of());
        List<Object> entities = new ArrayList<>();
        List<Object> itemFacts = new ArrayList<>();
        List<Object> itemItemFacts = new ArrayList<>();
        rows(folder.resolve("triples.tsv")).forEach(r -> {
            String type = r[1].toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
            if (r[2].contains(":")) {
                String t = r[2].substring(0, r[2].indexOf(':'));
                String label = Character.toUpperCase(t.charAt(0)) + t.substring(1).replace("_", "");
                entities.add(Map.of("key", r[2], "type", t, "name", r[2].substring(t.length() + 1), "label", label));
                itemFacts.add(Map.of("head", r[0], "type", type, "tail", r[2]));
            } else if (!r[0].contains(":")) {
                itemItemFacts.add(Map.of("head", r[0], "type", type, "tail", r[2]));
            }
        });
        batches(db, ENTITIES, entities, Map.of());
        batches(db, ITEM_FACTS, itemFacts, Map.of());
        batches(db, ITEM_ITEM_FACTS, itemItemFacts, Map.of());
        batches(db, INTERACTIONS, interactions.stream()
                .map(r -> (Object) Map.of("customer", r[0], "item", r[1], "raw", Double.parseDouble(r[2]))).toList(),
                Map.of("type", interactionType));
    }

    private static void batches(GraphDatabaseService db, String cypher, List<Object> rows, Map<String, Object> extra) {
        for (int start = 0; start < rows.size(); start += 10_000) {
            Map<String, Object> params = new HashMap<>(extra);
            params.put("rows", rows.subList(start, Math.min(rows.size(), start + 10_000)));
            db.executeTransactionally(cypher, params);
        }
    }

    private static String[] header(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().orElseThrow().split("\t", -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String[]> rows(Path file) {
        try {
            return Files.readAllLines(file).stream().skip(1).filter(l -> !l.isEmpty()).map(l -> l.split("\t", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
