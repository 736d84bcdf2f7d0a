package io.kgrec.api.read;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A kept list's validity read from the graph on every use, for deployments where other instances write to the same
 * database: all the customer's properties, how many items the customer has interacted with (which a load changes
 * without touching the customer's node), and the current model's version and revision.
 */
final class GraphToken implements ServedListCache.Validity {
    /** No row when the customer does not exist. Impressions ({@code SHOWN}) do not change a list, so they do not count. */
    private static final String TOKEN = """
            MATCH (c:Customer {id: $customerId})
            OPTIONAL MATCH (m:Model {current: true})
            RETURN [properties(c), COUNT { (c)-[r]->(:Item) WHERE NOT r:SHOWN }, m.version, m.revision] AS token
            """;

    private final Graph graph;

    GraphToken(Graph graph) {
        this.graph = graph;
    }

    @Override
    public List<Object> token(String customerId) {
        List<List<Object>> rows = graph.readRows(TOKEN, Map.of("customerId", customerId), GraphToken::tokenOf);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> tokenOf(Map<String, Object> row) {
        return (List<Object>) comparable(row.get("token"));
    }

    /**
     * The value with arrays as lists, so that tokens compare by content: in-process, array properties come back as
     * Java arrays, whose {@code equals} is identity.
     */
    private static Object comparable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new HashMap<>();
            map.forEach((k, v) -> copy.put(k, comparable(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(GraphToken::comparable).collect(Collectors.toList());
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(comparable(Array.get(value, i)));
            }
            return items;
        }
        return value;
    }
}
