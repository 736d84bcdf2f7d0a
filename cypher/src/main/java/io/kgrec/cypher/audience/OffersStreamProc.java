package io.kgrec.cypher.audience;

import io.kgrec.cypher.config.ConfigMap;
import io.kgrec.cypher.recommend.ModelStore;
import io.kgrec.model.reason.ReasonPathMaps;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.offers.stream}: the coupons or campaigns to offer one customer, with their reason paths. */
public class OffersStreamProc {
    private static final Set<String> KEYS = Set.of("topK", "maxReasons", "repeatWeight");

    @Context
    public Transaction tx;

    @Context
    public ModelStore store;

    /** One offer. */
    public record OfferResult(@Description("1-based rank") long rank,
            @Description("coupon or campaign") String kind,
            @Description("the coupon's UPC or the campaign's id") String id,
            @Description("the coupon's or campaign's display name") String name,
            @Description("how many items the offer reaches") long items,
            @Description("the score: the reasons' contributions plus the terms") double score,
            @Description("the strongest reason paths, from the customer through an item to the offer") List<Map<String, Object>> reasons,
            @Description("named parts of the score that are not individual paths") List<Map<String, Object>> terms,
            @Description("the trained model's version, 0 for the untrained walk") long modelVersion) {
    }

    /** Coupons carry only their UPC; campaigns an id and a type (TypeA, TypeB...). */
    private static String name(AudienceTarget target) {
        if (target.kind() == TargetKind.COUPON) {
            return "Coupon " + target.id();
        }
        Object type = target.node().getProperty("type", null);
        return "Campaign " + target.id() + (type == null ? "" : " (" + type + ")");
    }

    @Procedure(name = "kgrec.offers.stream", mode = Mode.READ)
    @Description("The coupons (kind 'coupon') or campaigns (kind 'campaign') to offer a customer, best first. Each is "
            + "scored as the customer would be in its audience (kgrec.audience.stream): the recommender's scores of "
            + "the offer's items for them plus repeatWeight · x for each offered item they already have, so reasons "
            + "plus terms add up to the score. Empty for a customer who opted out of profiling or is flagged as "
            + "anomalous. Configuration: topK (10), maxReasons (3), repeatWeight (1.0).")
    public Stream<OfferResult> stream(@Name("customerId") String customerId,
            @Name(value = "kind", defaultValue = "coupon") String kind,
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        ConfigMap c = ConfigMap.of(configuration, KEYS);
        int topK = c.intValue("topK", 10, 1, 100);
        int maxReasons = c.intValue("maxReasons", 3, 1, 20);
        double repeatWeight = c.doubleValue("repeatWeight", 1.0, 0.0, 100.0);
        Offers offers = new Offers(tx, store);
        List<Offers.Offer> best = offers.best(customerId, TargetKind.parse(kind), topK, maxReasons, repeatWeight);
        return best.stream().map(o -> new OfferResult(o.rank(), o.target().kind().word(), o.target().id(),
                name(o.target()), o.target().items().size(), o.member().score(),
                o.member().reasons().stream().map(ReasonPathMaps::toMap).toList(),
                o.member().terms().stream().map(ReasonPathMaps::toMap).toList(), offers.modelVersion()));
    }
}
