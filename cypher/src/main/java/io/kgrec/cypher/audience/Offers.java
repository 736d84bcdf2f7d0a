package io.kgrec.cypher.audience;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.cypher.recommend.CustomerScores;
import io.kgrec.cypher.recommend.ItemScorer;
import io.kgrec.cypher.recommend.ModelStore;
import io.kgrec.cypher.recommend.RecommendConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * The coupons or campaigns to offer one customer: an audience read the other way round. Each offer is scored exactly
 * as that customer would be scored in the offer's audience (the recommender's scores of the offer's items, plus a
 * repeat path for each offered item they already have), so the same reason paths add up to the same score in both
 * directions. The customer's item scores are computed once, over the items of every offer.
 *
 * <p>A customer whose audiences would leave them out (opted out of profiling, flagged as anomalous) gets no
 * personalised offers: the list is empty, and the frontend shows its general promotions.
 */
public final class Offers {
    private final Transaction tx;
    private final ModelStore store;
    private long modelVersion;

    public Offers(Transaction tx, ModelStore store) {
        this.tx = tx;
        this.store = store;
    }

    /** One offer for the customer, with its reasons. */
    public record Offer(int rank, AudienceTarget target, AudienceReasons.Member member) {
    }

    /**
     * @throws IllegalArgumentException if the customer does not exist or the kind is not coupon or campaign
     */
    public List<Offer> best(String customerId, TargetKind kind, int topK, int maxReasons, double repeatWeight) {
        if (kind == TargetKind.ITEM) {
            throw new IllegalArgumentException("kind must be coupon or campaign (items are what recommendations are)");
        }
        Node customer = customerId == null ? null : tx.findNode(GraphSchema.CUSTOMER, "id", customerId);
        if (customer == null) {
            throw new IllegalArgumentException("customer '" + customerId + "' does not exist");
        }
        if (!new Eligibility(Map.of()).admits(customer)) {
            return List.of();
        }
        List<AudienceTarget> targets = targets(kind);
        Set<Node> items = new LinkedHashSet<>();
        targets.forEach(t -> items.addAll(t.itemNodes()));
        ItemScorer scorer = ItemScorer.forGraph(tx, RecommendConfig.of(Map.of()), store);
        modelVersion = scorer.modelVersion();
        CustomerScores scores = scorer.of(customer, false, items);
        record Scored(AudienceTarget target, AudienceScores scores, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (AudienceTarget t : targets) {
            AudienceScores audience = new AudienceScores(scorer, t, false, repeatWeight);
            double score = audience.score(scores);
            if (!Double.isNaN(score)) {
                scored.add(new Scored(t, audience, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.target().id()));
        List<Offer> offers = new ArrayList<>();
        for (int r = 0; r < Math.min(topK, scored.size()); r++) {
            Scored s = scored.get(r);
            AudienceReasons.Member m = new AudienceReasons(s.scores(), s.target(), maxReasons).explain(r + 1, customer);
            offers.add(new Offer(r + 1, s.target(), m));
        }
        return offers;
    }

    /** The version of the trained model that scored the last offers (0: the untrained walk, or none scored). */
    public long modelVersion() {
        return modelVersion;
    }

    private List<AudienceTarget> targets(TargetKind kind) {
        Label label = kind == TargetKind.COUPON ? AudienceTarget.COUPON : AudienceTarget.CAMPAIGN;
        List<AudienceTarget> targets = new ArrayList<>();
        try (ResourceIterator<Node> nodes = tx.findNodes(label)) {
            while (nodes.hasNext()) {
                Node n = nodes.next();
                String id = String.valueOf(n.getProperty(kind == TargetKind.COUPON ? "upc" : "id", ""));
                AudienceTarget t = AudienceTarget.resolve(tx, kind, id);
                if (!t.items().isEmpty()) {
                    targets.add(t);
                }
            }
        }
        return targets;
    }
}
