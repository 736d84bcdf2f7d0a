package io.kgrec.api.read;

import io.kgrec.model.schema.InteractionType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Customers and their interaction history. */
@Component
public class Customers {
    private static final String CUSTOMER = """
            MATCH (c:Customer {id: $id})
            RETURN c.id AS id, properties(c) AS props,
                   COUNT { MATCH (c)-[r]->(:Item) WHERE type(r) IN $types } AS interactions
            """;
    private static final String HISTORY = """
            MATCH (:Customer {id: $id})-[r]->(i:Item)
            WHERE type(r) IN $types
            RETURN i.id AS itemId, i.name AS name, type(r) AS type, r.weight AS weight, r.raw AS raw,
                   r.timestamp AS timestamp
            ORDER BY r.timestamp DESC, i.id
            LIMIT $first
            """;
    private static final String INTERACTED = """
            MATCH (c:Customer {id: $customerId})-[r]->(:Item {id: $itemId})
            WHERE type(r) IN $types
            RETURN count(r) > 0 AS interacted
            """;

    private final Graph graph;
    private final List<String> types = List.copyOf(InteractionType.relationshipTypes());

    public Customers(Graph graph) {
        this.graph = graph;
    }

    public Optional<CustomerRecord> customer(String id) {
        return graph.read(CUSTOMER, Map.of("id", id, "types", types), r -> {
            Map<String, Object> props = new java.util.TreeMap<>(r.get("props").asMap());
            props.remove("id");
            return new CustomerRecord(r.get("id").asString(), props, r.get("interactions").asInt());
        }).stream().findFirst();
    }

    public boolean exists(String id) {
        return customer(id).isPresent();
    }

    public List<HistoryEntry> history(String id, int first) {
        return graph.read(HISTORY, Map.of("id", id, "types", types, "first", first), r -> new HistoryEntry(
                r.get("itemId").asString(), r.get("name").isNull() ? null : r.get("name").asString(),
                r.get("type").asString(), r.get("weight").asDouble(0), r.get("raw").asDouble(0),
                r.get("timestamp").isNull() ? null : r.get("timestamp").asLong()));
    }

    public boolean interacted(String customerId, String itemId) {
        return graph.read(INTERACTED, Map.of("customerId", customerId, "itemId", itemId, "types", types),
                r -> r.get("interacted").asBoolean()).get(0);
    }

    /** A customer's properties and interaction count. */
    public record CustomerRecord(String id, Map<String, Object> properties, int interactionCount) {
    }

    /** One interaction, for the history. */
    public record HistoryEntry(String itemId, String itemName, String type, double weight, double raw,
            Long epochSeconds) {
    }
}
