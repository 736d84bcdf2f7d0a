package io.kgrec.cypher.recommend;

import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ScoreTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * Scores items for a customer by walking the graph from the items they know: collaborative paths through other
 * customers and knowledge-graph paths through shared attributes. Each item's score is the sum of its paths.
 */
public final class PathRecommender implements Recommender {
    private final Transaction tx;
    private final RecommendConfig config;

    public PathRecommender(Transaction tx, RecommendConfig config) {
        this.tx = tx;
        this.config = config;
    }

    /** The top items the customer has not interacted with, each with at least one reason path. */
    @Override
    public List<Recommendation> recommend(String customerId) {
        CustomerHistory history = CustomerHistory.load(tx, customerId);
        Candidates candidates = score(history, config.maxReasons(), item -> true);
        List<Recommendation> out = new ArrayList<>();
        int rank = 0;
        for (Candidate c : candidates.top(config.topK())) {
            out.add(toRecommendation(++rank, history.customer(), c));
        }
        return out;
    }

    /**
     * All paths from the customer to one item, whether or not it would be recommended.
     *
     * @return {@code null} when no path leads to the item
     */
    @Override
    public Recommendation explain(String customerId, Node item) {
        CustomerHistory history = CustomerHistory.load(tx, customerId);
        Candidates candidates = score(history, config.maxReasons(), item::equals);
        return candidates.all().stream().findFirst()
                .map(c -> toRecommendation(0, history.customer(), c))
                .orElse(null);
    }

    private Candidates score(CustomerHistory history, int keepPaths, Predicate<Node> accepts) {
        Candidates candidates = new Candidates(keepPaths, accepts);
        new CollaborativePaths(config.collaborativeWeight()).offer(history, candidates);
        new AttributePaths(config.attributeWeight(), itemCount(), config.maxAttributeDegree()).offer(history, candidates);
        return candidates;
    }

    private long itemCount() {
        // Served from the count store: constant time however large the catalogue.
        return (Long) tx.execute("MATCH (i:Item) RETURN count(i) AS n").next().get("n");
    }

    private static Recommendation toRecommendation(int rank, Node customer, Candidate c) {
        List<ReasonPath> reasons = new ArrayList<>();
        for (PathRef ref : c.topPaths()) {
            reasons.add(ReasonPaths.materialise(customer, c.item(), ref));
        }
        List<ScoreTerm> terms = new ArrayList<>();
        if (c.droppedCount() > 0) {
            terms.add(new ScoreTerm(ScoreTerm.OTHER_PATHS, c.droppedContribution(),
                    c.droppedCount() + " further paths, each weaker than those shown"));
        }
        return new Recommendation(rank, c.item(), c.score(), reasons, terms);
    }
}
