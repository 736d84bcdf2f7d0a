package io.kgrec.api.read;

import io.kgrec.model.schema.RelationshipKinds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Items, their properties and their knowledge-graph relationships. */
@Component
public class Catalog {
    private static final String ITEM = """
            MATCH (i:Item {id: $id}) RETURN i.id AS id, i.name AS name
            """;
    private static final String PROPERTIES = """
            UNWIND $ids AS id
            MATCH (i:Item {id: id})
            RETURN id, properties(i) AS props
            """;
    private static final String ATTRIBUTES = """
            UNWIND $ids AS id
            MATCH (i:Item {id: id})-[r]-(t)
            WHERE NOT type(r) IN $excluded AND (t:Entity OR t:Item)
            RETURN id, type(r) AS type, startNode(r) = i AS out, coalesce(t.id, t.key) AS target,
                   labels(t) AS labels, coalesce(t.name, t.id, t.key) AS name
            ORDER BY id, type, target
            """;

    private final Graph graph;
    private final List<String> nonKnowledgeTypes;

    public Catalog(Graph graph) {
        this.graph = graph;
        // Sorted, so the query's parameters are the same on every instance.
        this.nonKnowledgeTypes = RelationshipKinds.nonKnowledge().stream().sorted().toList();
    }

    public Optional<ItemRef> item(String id) {
        return graph.read(ITEM, Map.of("id", id), r -> new ItemRef(r.get("id").asString(),
                r.get("name").isNull() ? null : r.get("name").asString())).stream().findFirst();
    }

    /** Scalar properties per item id, except id and name. */
    public Map<String, Map<String, Object>> properties(Collection<String> ids) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        graph.read(PROPERTIES, Map.of("ids", List.copyOf(ids)), r -> {
            Map<String, Object> props = new HashMap<>(r.get("props").asMap());
            props.keySet().removeAll(Set.of("id", "name"));
            out.put(r.get("id").asString(), props);
            return null;
        });
        return out;
    }

    /** Knowledge-graph relationships per item id. */
    public Map<String, List<Attribute>> attributes(Collection<String> ids) {
        Map<String, List<Attribute>> out = new HashMap<>();
        graph.read(ATTRIBUTES, Map.of("ids", List.copyOf(ids), "excluded", nonKnowledgeTypes), r -> {
            out.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(new Attribute(
                    r.get("type").asString(), r.get("out").asBoolean(), r.get("target").asString(),
                    r.get("labels").asList(v -> v.asString()), r.get("name").asString()));
            return null;
        });
        return out;
    }

    /** An item by id and name. */
    public record ItemRef(String id, String name) {
    }

    /** One knowledge-graph relationship of an item. */
    public record Attribute(String relationship, boolean outgoing, String targetId, List<String> targetLabels,
            String targetName) {
    }
}
