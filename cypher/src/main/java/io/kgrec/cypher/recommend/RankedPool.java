package io.kgrec.cypher.recommend;

import io.kgrec.model.reason.ScoreTerm;
import java.util.List;
import org.neo4j.graphdb.Node;

/** One customer's candidates from a recommender, as the business rules need them. */
interface RankedPool {
    /** The best candidates, best first (equal scores by item id), at most {@code limit}. */
    List<Ranked> best(int limit);

    /** The candidate entry of one item, or {@code null} when no path leads to it (or the customer has it). */
    Ranked find(Node item);

    /**
     * The recommendation for a candidate, with its reasons and terms; {@code extraTerms} (a boost, a pin) are added
     * to the terms and their values to the score.
     */
    Recommendation explain(Ranked candidate, int rank, List<ScoreTerm> extraTerms);

    /** Whether the customer already interacted with the item. */
    boolean interacted(Node item);
}
