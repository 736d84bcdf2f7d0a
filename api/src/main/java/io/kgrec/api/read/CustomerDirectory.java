package io.kgrec.api.read;

import io.kgrec.model.schema.InteractionType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Customers listed in id order, a page at a time, for people choosing a customer to look at. Paging is by key (ids
 * after the last one seen), so a page costs the same anywhere in the list and the uniqueness constraint's index
 * answers both the prefix search and the order.
 */
@Component
public class CustomerDirectory {
    private static final String PAGE = """
            MATCH (c:Customer)
            WHERE c.id STARTS WITH $prefix AND ($after IS NULL OR c.id > $after)
            WITH c ORDER BY c.id LIMIT $first
            RETURN c.id AS id, properties(c) AS props,
                   COUNT { MATCH (c)-[r]->(:Item) WHERE type(r) IN $types } AS interactions
            ORDER BY id
            """;

    private final Graph graph;
    private final List<String> types = List.copyOf(InteractionType.relationshipTypes());

    public CustomerDirectory(Graph graph) {
        this.graph = graph;
    }

    /**
     * @param prefix keeps customers whose id starts with it; empty for all
     * @param afterId only ids sorting after this one; {@code null} from the start
     * @param first at most this many
     */
    public List<Customers.CustomerRecord> page(String prefix, String afterId, int first) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("prefix", prefix);
        parameters.put("after", afterId);
        parameters.put("first", first);
        parameters.put("types", types);
        return graph.read(PAGE, parameters, Customers.CustomerRecord::of);
    }
}
