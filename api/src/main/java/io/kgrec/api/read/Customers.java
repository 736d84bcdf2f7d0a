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
            ORDER BY r.timestamp DESC, i.id, type(r)
            SKIP $skip LIMIT $first
            """;
    private static final String PROFILE = """
            MATCH (c:Customer {id: $id})
            OPTIONAL MATCH (c)-[a:HAS_AFFINITY]->(e:Entity)
            WITH c, a, e ORDER BY a.type, a.rank
            RETURN c.recencyDays AS recencyDays, c.frequency AS frequency, c.monetary AS monetary,
                   c.activityLevel AS activityLevel, c.segment AS segment, c.profiledAt AS profiledAt,
                   [x IN collect({key: e.key, name: e.name, labels: labels(e), type: a.type, share: a.share,
                                  rank: a.rank}) WHERE x.key IS NOT NULL] AS affinities
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
        return graph.read(CUSTOMER, Map.of("id", id, "types", types), CustomerRecord::of).stream().findFirst();
    }

    public boolean exists(String id) {
        return customer(id).isPresent();
    }

    /** The customer's derived profile, or null when none has been computed. */
    public Profile profile(String id) {
        return graph.read(PROFILE, Map.of("id", id), r -> r.get("segment").isNull() && r.get("activityLevel").isNull()
                ? null
                : new Profile(r.get("recencyDays").isNull() ? null : r.get("recencyDays").asLong(),
                        r.get("frequency").isNull() ? null : r.get("frequency").asDouble(),
                        r.get("monetary").isNull() ? null : r.get("monetary").asDouble(),
                        r.get("activityLevel").isNull() ? null : r.get("activityLevel").asString(),
                        r.get("segment").isNull() ? null : r.get("segment").asString(),
                        r.get("profiledAt").isNull() ? null : r.get("profiledAt").asLong(),
                        r.get("affinities").asList(v -> new Affinity(v.get("key").asString(),
                                v.get("name").isNull() ? v.get("key").asString() : v.get("name").asString(),
                                v.get("labels").asList(x -> x.asString()), v.get("type").asString(),
                                v.get("share").asDouble(), v.get("rank").asInt()))))
                .stream().findFirst().orElse(null);
    }

    public List<HistoryEntry> history(String id, int skip, int first) {
        return graph.read(HISTORY, Map.of("id", id, "types", types, "first", first, "skip", skip), r -> new HistoryEntry(
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
        /** From a row with {@code id}, {@code props} (the node's properties) and {@code interactions}. */
        static CustomerRecord of(org.neo4j.driver.Record r) {
            Map<String, Object> props = new java.util.TreeMap<>(r.get("props").asMap());
            props.remove("id");
            // kgrec's own bookkeeping on the node (the feedback sequence) describes no customer
            props.keySet().removeIf(k -> k.startsWith("kgrec"));
            return new CustomerRecord(r.get("id").asString(), props, r.get("interactions").asInt());
        }
    }

    /** A derived profile; {@code profiledAt} in epoch seconds. */
    public record Profile(Long recencyDays, Double frequency, Double monetary, String activityLevel, String segment,
            Long profiledAt, List<Affinity> affinities) {
    }

    /** One attribute a customer leans to. */
    public record Affinity(String entityKey, String name, List<String> labels, String type, double share, int rank) {
    }

    /** One interaction, for the history. */
    public record HistoryEntry(String itemId, String itemName, String type, double weight, double raw,
            Long epochSeconds) {
    }
}
