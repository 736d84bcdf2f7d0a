package io.kgrec.api.audit;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.TransientRetry;
import io.kgrec.api.read.Graph;
import io.kgrec.model.schema.InteractionType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ClientException;

/** What the audit reads from the graph besides the recommendations: the catalogue, histories and attributes. */
final class AuditGraph {
    private static final String ITEMS = "MATCH (i:Item) RETURN i.id AS id ORDER BY id";
    private static final String HISTORIES = """
            MATCH (c:Customer)-[r]->(i:Item)
            WHERE type(r) IN $types
            RETURN c.id AS customer, collect(DISTINCT i.id) AS items
            """;
    private static final String ITEMS_WITH_PROPERTY = """
            MATCH (i:Item) WHERE i[$property] IS NOT NULL RETURN count(i) AS n
            """;
    private static final String ITEM_PROPERTY = """
            MATCH (i:Item) WHERE i[$property] IS NOT NULL
            RETURN i.id AS item, [toString(i[$property])] AS groups
            """;
    private static final String ITEM_ENTITIES = """
            MATCH (i:Item)--(e:Entity {type: $type})
            RETURN i.id AS item, collect(DISTINCT coalesce(e.name, e.key)) AS groups
            """;
    private static final String CUSTOMER_VALUES = """
            UNWIND $ids AS id
            MATCH (c:Customer {id: id})
            RETURN c.id AS id, c[$attribute] AS value
            """;
    private static final String CUSTOMER_PROPERTIES = """
            MATCH (c:Customer) UNWIND keys(c) AS key
            WITH DISTINCT key WHERE key <> 'id' AND NOT key STARTS WITH 'kgrec'
            RETURN key ORDER BY key
            """;
    private static final String PROBE = """
            MATCH (c:Customer) WHERE EXISTS { (c)-[r]->(:Item) WHERE type(r) IN $types }
            WITH c LIMIT 1
            CALL kgrec.recommend.stream(c.id, $config) YIELD itemId
            RETURN count(itemId) AS n
            """;

    private final GraphConnection graph;

    AuditGraph(GraphConnection graph) {
        this.graph = graph;
    }

    List<String> items() {
        return read(ITEMS, Map.of()).stream().map(r -> r.get("id").asString()).toList();
    }

    /** Customer → the items they interacted with, every customer with at least one interaction, sorted by id. */
    Map<String, Set<String>> histories() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Record r : read(HISTORIES, Map.of("types", types()))) {
            out.put(r.get("customer").asString(), new LinkedHashSet<>(r.get("items").asList(v -> v.asString())));
        }
        return out;
    }

    /**
     * Item → its groups by an item property or an entity type. A bare name is a property when some item has it,
     * else an entity type.
     */
    ItemGroups itemGroups(String spec) {
        String kind;
        String name;
        if (spec.startsWith("property:") || spec.startsWith("entity:")) {
            kind = spec.substring(0, spec.indexOf(':'));
            name = spec.substring(spec.indexOf(':') + 1);
        } else {
            name = spec;
            kind = read(ITEMS_WITH_PROPERTY, Map.of("property", name)).get(0).get("n").asLong() > 0 ? "property"
                    : "entity";
        }
        List<Record> rows = kind.equals("property") ? read(ITEM_PROPERTY, Map.of("property", name))
                : read(ITEM_ENTITIES, Map.of("type", name));
        Map<String, List<String>> groups = new HashMap<>();
        rows.forEach(r -> groups.put(r.get("item").asString(), r.get("groups").asList(v -> v.asString())));
        return new ItemGroups(kind + ":" + name, groups);
    }

    /** Each customer's value of an attribute, as stored (null when absent). */
    Map<String, Object> customerValues(String attribute, Collection<String> customers) {
        Map<String, Object> out = new HashMap<>();
        List<String> ids = new ArrayList<>(customers);
        for (int start = 0; start < ids.size(); start += 5_000) {
            read(CUSTOMER_VALUES, Map.of("ids", ids.subList(start, Math.min(ids.size(), start + 5_000)),
                    "attribute", attribute)).forEach(r -> out.put(r.get("id").asString(), r.get("value").asObject()));
        }
        return out;
    }

    /** The properties some customer has (but id): what a customer group may be. */
    List<String> customerProperties() {
        return read(CUSTOMER_PROPERTIES, Map.of()).stream().map(r -> r.get("key").asString()).toList();
    }

    /** Whether {@code kgrec.recommend.stream} accepts this configuration key (e.g. {@code diversity}). */
    boolean recommenderAccepts(String key, Object value) {
        try {
            read(PROBE, Map.of("types", types(), "config", Map.of("topK", 1, key, value)));
            return true;
        } catch (ClientException e) {
            if (String.valueOf(e.getMessage()).contains("unknown configuration key")) {
                return false;
            }
            throw e;
        }
    }

    private static List<String> types() {
        return List.copyOf(InteractionType.relationshipTypes());
    }

    private List<Record> read(String cypher, Map<String, Object> parameters) {
        return TransientRetry.run("the audit's read", () -> {
            try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
                return s.executeRead(tx -> tx.run(cypher, parameters).list(), Graph.requestBoundConfig());
            }
        });
    }

    /** How items were grouped ({@code property:department}) and each grouped item's groups. */
    record ItemGroups(String spec, Map<String, List<String>> groups) {
    }
}
