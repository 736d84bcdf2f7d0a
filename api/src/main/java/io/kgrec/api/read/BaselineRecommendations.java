package io.kgrec.api.read;

import io.kgrec.api.read.Catalog.ItemRef;
import io.kgrec.cypher.query.QueryLibrary;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The naive collaborative-filtering baseline: the analysts' library query {@code also-bought}, run exactly as its file
 * is, so the figure compared with kgrec's recommendations is that of the query analysts can read and run themselves.
 */
@Component
public class BaselineRecommendations {
    private final Graph graph;
    private final String alsoBought = QueryLibrary.load().get("also-bought").text();

    public BaselineRecommendations(Graph graph) {
        this.graph = graph;
    }

    /** The top {@code topK} items by co-customer count; empty for a customer without interactions. */
    public List<CoCustomerItem> top(String customerId, int topK) {
        return graph.read(alsoBought, Map.of("customerId", customerId, "topK", topK), r -> new CoCustomerItem(
                new ItemRef(r.get("itemId").asString(), r.get("name").isNull() ? null : r.get("name").asString()),
                r.get("coCustomers").asInt()));
    }

    /** One baseline item and its score. */
    public record CoCustomerItem(ItemRef item, int coCustomers) {
    }
}
