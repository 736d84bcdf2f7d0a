package io.kgrec.cypher.recommend;

import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ScoreTerm;
import java.util.List;
import org.neo4j.graphdb.Node;

/**
 * One recommended item. {@code score} equals the sum of the reasons' contributions plus the terms' values.
 *
 * @param rank    1-based position
 * @param item    the item node
 * @param score   the item's score
 * @param reasons the strongest reason paths, strongest first
 * @param terms   named parts of the score that are not individual paths
 */
public record Recommendation(int rank, Node item, double score, List<ReasonPath> reasons, List<ScoreTerm> terms) {
    /** The same recommendation with further named terms, whose values are added to the score. */
    Recommendation with(List<ScoreTerm> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        List<ScoreTerm> all = new java.util.ArrayList<>(terms);
        double added = 0;
        for (ScoreTerm t : extra) {
            all.add(t);
            added += t.value();
        }
        return new Recommendation(rank, item, score + added, reasons, all);
    }
}
