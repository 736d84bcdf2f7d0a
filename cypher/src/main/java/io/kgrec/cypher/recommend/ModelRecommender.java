package io.kgrec.cypher.recommend;

import java.util.List;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * Recommends with the trained model stored in the graph: score(u, i) = Σ_{j known} x_uj · weight(j → i) + prior(u, i),
 * over the current model's {@code SIMILAR_TO} weights (held in memory by {@link ModelStore}). A customer with history
 * is recommended only items some path reaches; a customer without history gets the prior's most popular items. A
 * customer whose items the model gives no weights at all (every one bought by nobody else, say) is served by the
 * untrained {@link PathRecommender}, which walks the live graph: still paths, still adding up to the score.
 */
public final class ModelRecommender implements Recommender {
    private final Transaction tx;
    private final RecommendConfig config;
    private final CurrentModel model;
    private final ModelStore store;
    /**
     * Whether the last answer came from the untrained walk: it then reports model version 0, because its scores move
     * with everyone's interactions, which is what a service that keeps lists has to know.
     */
    private boolean walked;

    ModelRecommender(Transaction tx, RecommendConfig config, CurrentModel model, ModelStore store) {
        this.tx = tx;
        this.config = config;
        this.model = model;
        this.store = store;
    }

    @Override
    public long modelVersion() {
        return walked ? 0 : model.version();
    }

    @Override
    public List<Recommendation> recommend(String customerId) {
        Scoring scoring = score(customerId);
        walked = scoring.reachesNothing();
        if (walked) {
            return new PathRecommender(tx, config).recommend(customerId);
        }
        return new Selection(tx, config.rules()).select(new ModelPool(tx, scoring, config.maxReasons()),
                config.topK());
    }

    @Override
    public List<Recommendation> recommendForSession(List<Node> sessionItems) {
        CustomerHistory session = CustomerHistory.session(sessionItems);
        Scoring scoring = score(session);
        walked = scoring.reachesNothing();
        if (walked) {
            return new PathRecommender(tx, config).recommend(session);
        }
        return new Selection(tx, config.rules()).select(new ModelPool(tx, scoring, config.maxReasons()),
                config.topK());
    }

    @Override
    public List<Recommendation> recommendPopular() {
        walked = false;
        Scoring scoring = score(CustomerHistory.stranger());
        return new Selection(tx, config.rules()).select(new ModelPool(tx, scoring, config.maxReasons()),
                config.topK());
    }

    @Override
    public Recommendation explain(String customerId, Node item) {
        Scoring scoring = score(customerId);
        walked = scoring.reachesNothing();
        if (walked) {
            return new PathRecommender(tx, config).explain(customerId, item);
        }
        ModelPool pool = new ModelPool(tx, scoring, config.maxReasons());
        Ranked candidate = pool.find(item);
        return candidate == null ? null : pool.explain(candidate, pool.rankOf((Integer) candidate.handle()), List.of());
    }

    private Scoring score(String customerId) {
        return score(CustomerHistory.load(tx, customerId));
    }

    private Scoring score(CustomerHistory history) {
        ModelStore.Snapshot snapshot = store.snapshot(tx, model);
        SegmentPrior prior = SegmentPrior.of(tx, model, snapshot, history.customer(), history.items().size());
        return Scoring.of(tx, model, snapshot, history, prior, config.rules().excludeInteracted());
    }
}
