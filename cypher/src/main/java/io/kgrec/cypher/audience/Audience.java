package io.kgrec.cypher.audience;

import io.kgrec.cypher.recommend.ItemScorer;
import io.kgrec.cypher.recommend.ModelStore;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * The customers most likely to engage with an item, a coupon or a campaign, each with the reason paths that make
 * their score: the other direction of a recommendation. Every eligible customer is scored (array arithmetic with a
 * trained model); only the customers returned are explained.
 */
public final class Audience {
    private final Transaction tx;
    private final AudienceConfig config;
    private final ModelStore store;

    public Audience(Transaction tx, AudienceConfig config, ModelStore store) {
        this.tx = tx;
        this.config = config;
        this.store = store;
    }

    /** The result: who, ranked, and by which model. */
    public record Ranking(AudienceTarget target, long modelVersion, int eligible, List<AudienceReasons.Member> members) {
    }

    public Ranking rank(TargetKind kind, String targetId) {
        AudienceTarget target = AudienceTarget.resolve(tx, kind, targetId);
        ItemScorer scorer = ItemScorer.forGraph(tx, config.walk(), store);
        AudienceScores scores = new AudienceScores(scorer, target, config.excludesPurchasers(kind),
                config.repeatWeight());
        List<Node> customers = new Eligibility(config.customerFilter()).customers(tx, target, config.targetedOnly());
        List<AudienceScores.Scored> best = scores.best(customers, config.skip() + config.topK());
        AudienceReasons reasons = new AudienceReasons(scores, target, config.maxReasons());
        List<AudienceReasons.Member> members = new ArrayList<>();
        for (int r = config.skip(); r < best.size(); r++) {
            AudienceScores.Scored s = best.get(r);
            members.add(config.explain() ? reasons.explain(r + 1, s.customer())
                    : new AudienceReasons.Member(r + 1, s.customer(), s.score(), List.of(), List.of()));
        }
        return new Ranking(target, scorer.modelVersion(), customers.size(), members);
    }
}
