package io.kgrec.cypher.recommend;

import io.kgrec.cypher.config.ConfigMap;
import io.kgrec.cypher.graph.GraphSchema;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.similar.stream}: the items most like an item, with the paths behind each similarity. */
public class SimilarStreamProc {
    @Context
    public Transaction tx;

    @Context
    public ModelStore store;

    @Procedure(name = "kgrec.similar.stream", mode = Mode.READ)
    @Description("The items most similar to an item under the current model (its SIMILAR_TO weights), each with the "
            + "paths behind the weight: customers who have both, shared attributes, embedding similarity. Empty before "
            + "a model is trained. Configuration: topK (10), maxReasons (3).")
    public Stream<RecommendResult> stream(
            @Name("itemId") String itemId,
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        ConfigMap c = ConfigMap.of(configuration, Set.of("topK", "maxReasons"));
        int topK = c.intValue("topK", 10, 1, RecommendConfig.MAX_TOP_K);
        int maxReasons = c.intValue("maxReasons", 3, 1, 100);
        Node item = tx.findNode(GraphSchema.ITEM, "id", itemId);
        if (item == null) {
            throw new IllegalArgumentException("item '" + itemId + "' does not exist");
        }
        CurrentModel model = CurrentModel.find(tx);
        long version = model == null ? 0 : model.version();
        return new SimilarItems(tx, store).of(item, topK, maxReasons).stream().map(r -> RecommendResult.of(r, version));
    }
}
