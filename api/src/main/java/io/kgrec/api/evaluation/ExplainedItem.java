package io.kgrec.api.evaluation;

import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ScoreTerm;
import java.util.List;

/** One recommended item with what explained it, as the recommender returned it. */
public record ExplainedItem(String itemId, double score, List<ReasonPath> reasons, List<ScoreTerm> terms) {
}
