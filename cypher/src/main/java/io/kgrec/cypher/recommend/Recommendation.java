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
}
