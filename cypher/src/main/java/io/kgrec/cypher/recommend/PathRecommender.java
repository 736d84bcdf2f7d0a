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
 * customers and knowledge-graph paths through shared attributes. Each item's score is the sum of its paths. A
 * customer without history (or who opted out of profiling) gets the most popular items instead.
 */
public final class PathRecommender implements Recommender {
    private final Transaction tx;
    private final RecommendConfig config;

    public PathRecommender(Transaction tx, RecommendConfig config) {
        this.tx = tx;
        this.config = config;
    }

    @Override
    public long modelVersion() {
        return 0;
    }

    /** The top items the customer has not interacted with, each with at least one reason path. */
    @Override
    public List<Recommendation> recommend(String customerId) {
        return recommend(CustomerHistory.load(tx, customerId, config.rules().excludeInteracted()));
    }

    @Override
    public List<Recommendation> recommendForSession(List<Node> sessionItems) {
        return recommend(CustomerHistory.session(sessionItems));
    }

    List<Recommendation> recommend(CustomerHistory history) {
        if (history.isEmpty()) {
            return recommendPopular();
        }
        Candidates candidates = score(history, config.maxReasons(), item -> true);
        return new Selection(tx, config.rules()).select(new Pool(history, candidates), config.topK());
    }

    @Override
    public List<Recommendation> recommendPopular() {
        return new Selection(tx, config.rules()).select(PopularPool.of(tx, Selection.DEPTH), config.topK());
    }

    /**
     * All paths from the customer to one item, whether or not it would be recommended.
     *
     * @return {@code null} when no path leads to the item
     */
    @Override
    public Recommendation explain(String customerId, Node item) {
        CustomerHistory history = CustomerHistory.load(tx, customerId, config.rules().excludeInteracted());
        if (history.isEmpty()) {
            PopularPool popular = PopularPool.of(tx, 0);
            Ranked entry = popular.entry(item);
            return entry == null ? null : popular.explain(entry, 0, List.of());
        }
        Candidates candidates = score(history, config.maxReasons(), item::equals);
        return candidates.all().stream().findFirst()
                .map(c -> toRecommendation(0, new ReasonPaths(history.customer()), c))
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

    /** The walk's candidates for {@link Selection}. */
    private static final class Pool implements RankedPool {
        private final CustomerHistory history;
        private final Candidates candidates;
        private final ReasonPaths reasonPaths;

        Pool(CustomerHistory history, Candidates candidates) {
            this.history = history;
            this.candidates = candidates;
            this.reasonPaths = new ReasonPaths(history.customer());
        }

        @Override
        public List<Ranked> best(int limit) {
            return candidates.top(limit).stream().map(c -> new Ranked(c.item(), c.score(), c)).toList();
        }

        @Override
        public Ranked find(Node item) {
            Candidate c = candidates.of(item);
            return c == null ? null : new Ranked(item, c.score(), c);
        }

        @Override
        public Recommendation explain(Ranked candidate, int rank, List<ScoreTerm> extraTerms) {
            if (candidate.handle() == null) {
                return new Recommendation(rank, candidate.item(), 0.0, List.of(), List.of()).with(extraTerms);
            }
            return toRecommendation(rank, reasonPaths, (Candidate) candidate.handle()).with(extraTerms);
        }

        @Override
        public boolean interacted(Node item) {
            return history.contains(item);
        }
    }

    private static Recommendation toRecommendation(int rank, ReasonPaths reasonPaths, Candidate c) {
        List<ReasonPath> reasons = new ArrayList<>();
        for (PathRef ref : c.topPaths()) {
            reasons.add(reasonPaths.materialise(c.item(), ref));
        }
        List<ScoreTerm> terms = new ArrayList<>();
        if (c.droppedCount() > 0) {
            terms.add(new ScoreTerm(ScoreTerm.OTHER_PATHS, c.droppedContribution(),
                    c.droppedCount() + " further paths, each weaker than those shown"));
        }
        return new Recommendation(rank, c.item(), c.score(), reasons, terms);
    }
}
