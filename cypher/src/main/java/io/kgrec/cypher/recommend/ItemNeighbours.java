package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.DisplayNames;
import io.kgrec.cypher.graph.GraphSchema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;

/**
 * The knowledge-graph neighbours of items (entity keys and linked item ids), read once per item per request: what the
 * attribute filters test and what diversity compares.
 */
final class ItemNeighbours {
    private final Map<String, Set<String>> cache = new HashMap<>();

    Set<String> of(Node item) {
        return cache.computeIfAbsent(item.getElementId(), id -> {
            Set<String> keys = new HashSet<>();
            for (Relationship r : item.getRelationships()) {
                if (GraphSchema.isKnowledge(r.getType())) {
                    keys.add(DisplayNames.key(r.getOtherNode(item)));
                }
            }
            return keys;
        });
    }

    /** Jaccard similarity of two items' neighbours; 0 when neither has any. */
    double similarity(Node a, Node b) {
        Set<String> x = of(a);
        Set<String> y = of(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 0.0;
        }
        int common = 0;
        for (String k : x) {
            if (y.contains(k)) {
                common++;
            }
        }
        return (double) common / (x.size() + y.size() - common);
    }
}
