package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * {@code kgrec.recommend.session.stream}: recommendations for an anonymous visit, from the items viewed or bought in
 * it. The session is scored as a customer whose history is those items would be, so the same model weights, walk and
 * business rules apply; its reason paths start at a session item, since the visitor has no node in the graph.
 */
public class SessionStreamProc {
    /** More items than a visit holds; the cap keeps one call's cost bounded. */
    static final int MAX_SESSION_ITEMS = 100;

    @Context
    public Transaction tx;

    @Context
    public ModelStore store;

    @Procedure(name = "kgrec.recommend.session.stream", mode = Mode.READ)
    @Description("Top-k items for an anonymous session, given the ids of the items viewed or bought in it (1 to 100, "
            + "each must exist; they are never recommended). Scored like a customer whose history is the session: "
            + "with the trained model's item-to-item weights (SIMILAR_TO) when one serves, otherwise by co-purchase "
            + "through groups of customers and shared attributes. Every reason path starts at a session item; paths "
            + "plus terms add up to the score. Configuration as kgrec.recommend.stream (excludeInteracted is always "
            + "true).")
    public Stream<RecommendResult> stream(
            @Name("itemIds") List<String> itemIds,
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        Map<String, Object> raw = new HashMap<>(configuration == null ? Map.of() : configuration);
        if (Boolean.FALSE.equals(raw.get("excludeInteracted"))) {
            throw new IllegalArgumentException("configuration 'excludeInteracted': a session's own items are never "
                    + "recommended, so it cannot be false");
        }
        raw.put("excludeInteracted", true);
        RecommendConfig config = RecommendConfig.of(raw);
        List<Node> items = items(itemIds);
        RuleNames.check(tx, config.rules());
        Recommender recommender = Recommender.forGraph(tx, config, store);
        return recommender.recommendForSession(items).stream()
                .map(r -> RecommendResult.of(r, recommender.modelVersion()));
    }

    private List<Node> items(List<String> itemIds) {
        if (itemIds == null || itemIds.isEmpty()) {
            throw new IllegalArgumentException("itemIds must name at least one item of the session");
        }
        if (itemIds.size() > MAX_SESSION_ITEMS) {
            throw new IllegalArgumentException("itemIds may name at most " + MAX_SESSION_ITEMS + " items, got "
                    + itemIds.size());
        }
        List<Node> items = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : itemIds) {
            Node item = id == null ? null : tx.findNode(GraphSchema.ITEM, "id", id);
            if (item == null) {
                unknown.add(String.valueOf(id));
            } else {
                items.add(item);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown item id(s) in itemIds: " + String.join(", ", unknown));
        }
        return items;
    }
}
