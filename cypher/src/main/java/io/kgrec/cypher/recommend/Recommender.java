package io.kgrec.cypher.recommend;

import java.util.List;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/** Recommends items to a customer and explains any item's score as paths plus named terms. */
public interface Recommender {
    /** The top items the customer has not interacted with, best first. */
    List<Recommendation> recommend(String customerId);

    /**
     * The non-personalised list, best first: what a visitor the graph has not seen gets, the same list a customer
     * without history gets (the most popular items, scored by named popularity terms), business rules applied.
     */
    List<Recommendation> recommendPopular();

    /**
     * The top items for an anonymous session, given the items of the visit (never recommended back), each with
     * reason paths that start at a session item.
     */
    List<Recommendation> recommendForSession(List<Node> sessionItems);

    /** One item's score for the customer, with all its paths; {@code null} when nothing leads to it. */
    Recommendation explain(String customerId, Node item);

    /** The version of the trained model that scores, or 0 for the untrained path walk. */
    long modelVersion();

    /** The trained model when one serves, else the untrained path walk. */
    static Recommender forGraph(Transaction tx, RecommendConfig config, ModelStore store) {
        CurrentModel model = CurrentModel.find(tx);
        return model == null ? new PathRecommender(tx, config) : new ModelRecommender(tx, config, model, store);
    }
}
