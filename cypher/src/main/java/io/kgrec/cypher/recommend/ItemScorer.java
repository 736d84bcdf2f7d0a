package io.kgrec.cypher.recommend;

import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ScoreTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * Scores items for one customer after another with the recommender that serves: the trained model (from its
 * in-memory snapshot, as array arithmetic) or, before any model is trained, the path walk restricted to the items
 * asked about. Unlike {@link ModelRecommender}, a customer the model reaches nothing from is not handed to the walk:
 * an audience compares customers with each other, so all of its scores must come from one scorer.
 */
public final class ItemScorer {
    private final Transaction tx;
    private final RecommendConfig config;
    private final CurrentModel model;
    private final ModelStore.Snapshot snapshot;
    private final long itemCount;

    private ItemScorer(Transaction tx, RecommendConfig config, CurrentModel model, ModelStore.Snapshot snapshot,
            long itemCount) {
        this.tx = tx;
        this.config = config;
        this.model = model;
        this.snapshot = snapshot;
        this.itemCount = itemCount;
    }

    /** @param config the walk's weights and the number of reasons; its business rules are not used */
    public static ItemScorer forGraph(Transaction tx, RecommendConfig config, ModelStore store) {
        CurrentModel model = CurrentModel.find(tx);
        ModelStore.Snapshot snapshot = model == null ? null : store.snapshot(tx, model);
        long items = model != null ? 0 : (Long) tx.execute("MATCH (i:Item) RETURN count(i) AS n").next().get("n");
        return new ItemScorer(tx, config, model, snapshot, items);
    }

    /** The version of the trained model that scores, or 0 for the untrained path walk. */
    public long modelVersion() {
        return model == null ? 0 : model.version();
    }

    /**
     * @param excludeInteracted whether items the customer has are no candidates (as in recommendations)
     * @param items             the items that will be asked about; the walk scores only these, the model all
     */
    public CustomerScores of(Node customer, boolean excludeInteracted, Set<Node> items) {
        CustomerHistory history = CustomerHistory.of(customer, excludeInteracted);
        if (model == null) {
            return new Walked(history, items);
        }
        SegmentPrior prior = SegmentPrior.of(tx, model, snapshot, customer, history.items().size());
        return new Modelled(history, Scoring.of(tx, model, snapshot, history, prior, excludeInteracted), prior);
    }

    private abstract static class Base implements CustomerScores {
        final CustomerHistory history;

        Base(CustomerHistory history) {
            this.history = history;
        }

        @Override
        public Node customer() {
            return history.customer();
        }

        @Override
        public boolean hasHistory() {
            return !history.isEmpty();
        }

        @Override
        public RelationshipType ownType(Node item) {
            Known k = history.get(item);
            return k == null ? null : k.type();
        }
    }

    /** The trained model's scores: Σ x_uj · W_ji + prior, split into paths only when asked. */
    private final class Modelled extends Base {
        private final Scoring scoring;
        private final SegmentPrior prior;
        private ModelReasons reasons;

        Modelled(CustomerHistory history, Scoring scoring, SegmentPrior prior) {
            super(history);
            this.scoring = scoring;
            this.prior = prior;
        }

        @SuppressWarnings("deprecation") // internal ids are stable within the transaction
        private int index(Node item) {
            int i = snapshot.indexOf(item.getId());
            return i >= 0 && scoring.isCandidate(i) ? i : -1;
        }

        @Override
        public double score(Node item) {
            int i = index(item);
            return i < 0 ? Double.NaN : scoring.score(i);
        }

        @Override
        public double own(Node item) {
            Known k = history.get(item);
            return k == null ? 0.0 : model.value(k.raw());
        }

        @Override
        public List<Part> paths(Node item) {
            int i = index(item);
            if (i < 0) {
                return List.of();
            }
            if (reasons == null) {
                reasons = new ModelReasons(tx, customer());
            }
            List<Part> parts = new ArrayList<>();
            for (PathRef ref : reasons.paths(scoring.candidate(i))) {
                parts.add(new Lazy(ref.contribution(), () -> reasons.materialise(item, ref)));
            }
            return parts;
        }

        @Override
        public List<ScoreTerm> terms(Node item) {
            int i = index(item);
            return i < 0 ? List.of() : prior.terms(i);
        }
    }

    /** The untrained walk's scores: the sum of its paths; paths beyond the walk's limit are one named term. */
    private final class Walked extends Base {
        private final Candidates candidates;
        private final ReasonPaths reasonPaths;

        Walked(CustomerHistory history, Set<Node> items) {
            super(history);
            reasonPaths = new ReasonPaths(history.customer());
            candidates = new Candidates(Math.max(config.maxReasons(), 1), items::contains);
            new CollaborativePaths(config.collaborativeWeight()).offer(history, candidates);
            new AttributePaths(config.attributeWeight(), itemCount, config.maxAttributeDegree())
                    .offer(history, candidates);
        }

        @Override
        public double score(Node item) {
            Candidate c = candidates.of(item);
            return c == null ? Double.NaN : c.score();
        }

        @Override
        public double own(Node item) {
            Known k = history.get(item);
            return k == null ? 0.0 : k.weight();
        }

        @Override
        public List<Part> paths(Node item) {
            Candidate c = candidates.of(item);
            if (c == null) {
                return List.of();
            }
            List<Part> parts = new ArrayList<>();
            for (PathRef ref : c.topPaths()) {
                parts.add(new Lazy(ref.contribution(), () -> reasonPaths.materialise(item, ref)));
            }
            return parts;
        }

        @Override
        public List<ScoreTerm> terms(Node item) {
            Candidate c = candidates.of(item);
            if (c == null || c.droppedCount() == 0) {
                return List.of();
            }
            return List.of(new ScoreTerm(ScoreTerm.OTHER_PATHS, c.droppedContribution(),
                    c.droppedCount() + " further paths, each weaker than those shown"));
        }
    }

    private record Lazy(double contribution, java.util.function.Supplier<ReasonPath> path) implements CustomerScores.Part {
        @Override
        public ReasonPath materialise() {
            return path.get();
        }
    }
}
