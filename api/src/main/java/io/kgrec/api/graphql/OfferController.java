package io.kgrec.api.graphql;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.read.Customers;
import io.kgrec.api.read.Graph;
import io.kgrec.api.security.Access;
import io.kgrec.model.reason.ReasonPathMaps;
import io.kgrec.model.reason.ScoreTerm;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code offers}: the coupons or campaigns to show a customer, through {@code kgrec.offers.stream}. */
@Controller
public class OfferController {
    static final int MAX_FIRST = 50;
    private static final int REASONS_PER_OFFER = 3;
    private static final String OFFERS = """
            CALL kgrec.offers.stream($customerId, $kind, {topK: $first, maxReasons: $maxReasons})
            YIELD rank, kind, id, name, items, score, reasons, terms, modelVersion
            RETURN rank, kind, id, name, items, score, reasons, terms, modelVersion
            """;

    private final Graph graph;
    private final Customers customers;
    private final Access access;

    public OfferController(Graph graph, Customers customers, Access access) {
        this.graph = graph;
        this.customers = customers;
        this.access = access;
    }

    record Offer(int rank, String kind, String id, String name, int items, double score,
            List<Views.Reason> reasons, List<ScoreTerm> scoreTerms, String modelVersion) {
    }

    @QueryMapping
    public List<Offer> offers(@Argument String customerId, @Argument String kind, @Argument Integer first) {
        access.requireForCustomer(Access.READ_CUSTOMER, customerId);
        int n = first == null ? 10 : first;
        if (n < 1 || n > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", got " + n);
        }
        if (!customers.exists(customerId)) {
            throw ApiException.notFound("customer '" + customerId + "' does not exist");
        }
        return graph.read(OFFERS, Map.of("customerId", customerId, "kind", kind.toLowerCase(Locale.ROOT),
                "first", n, "maxReasons", REASONS_PER_OFFER), r -> new Offer(r.get("rank").asInt(),
                        r.get("kind").asString().toUpperCase(Locale.ROOT), r.get("id").asString(),
                        r.get("name").asString(), r.get("items").asInt(), r.get("score").asDouble(),
                        r.get("reasons").asList(v -> Views.Reason.of(ReasonPathMaps.fromMap(v.asMap()))),
                        r.get("terms").asList(v -> ReasonPathMaps.termFromMap(v.asMap())),
                        r.get("modelVersion").asLong() == 0 ? "path-walk" : "model-" + r.get("modelVersion").asLong()));
    }
}
