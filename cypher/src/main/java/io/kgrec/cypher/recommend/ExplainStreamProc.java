package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.explain.stream}: every path from a customer to one item, and the score they add up to. */
public class ExplainStreamProc {
    @Context
    public Transaction tx;

    @Context
    public ModelStore store;

    @Procedure(name = "kgrec.explain.stream", mode = Mode.READ)
    @Description("Why an item would be recommended to a customer: all its reason paths (up to maxReasons, default "
            + "100) and its score. Returns no row when no path leads from the customer to the item.")
    public Stream<RecommendResult> stream(
            @Name("customerId") String customerId,
            @Name("itemId") String itemId,
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        Map<String, Object> withDefaults = new HashMap<>(configuration == null ? Map.of() : configuration);
        withDefaults.putIfAbsent("maxReasons", 100);
        RecommendConfig config = RecommendConfig.of(withDefaults);
        Node item = tx.findNode(GraphSchema.ITEM, "id", itemId);
        if (item == null) {
            throw new IllegalArgumentException("item '" + itemId + "' does not exist");
        }
        Recommender recommender = Recommender.forGraph(tx, config, store);
        Recommendation r = recommender.explain(customerId, item);
        return r == null ? Stream.empty() : Stream.of(RecommendResult.of(r, recommender.modelVersion()));
    }
}
