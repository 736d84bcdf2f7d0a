package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.DisplayNames;
import io.kgrec.model.reason.ReasonPathMaps;
import java.util.List;
import java.util.Map;
import org.neo4j.procedure.Description;

/** A row of {@code kgrec.recommend.stream} and {@code kgrec.explain.stream}. */
public final class RecommendResult {
    @Description("1-based rank; 0 when the item was explained rather than ranked")
    public long rank;
    @Description("the item's id")
    public String itemId;
    @Description("the item's display name")
    public String name;
    @Description("the item's score: the sum of all reason contributions plus the terms")
    public double score;
    @Description("the strongest reason paths: kind, contribution, sentence, nodes and relationships")
    public List<Map<String, Object>> reasons;
    @Description("named parts of the score that are not individual paths, e.g. the sum of further paths")
    public List<Map<String, Object>> terms;
    @Description("the version of the trained model that scored, 0 for the untrained path walk")
    public long modelVersion;

    static RecommendResult of(Recommendation r, long modelVersion) {
        RecommendResult row = new RecommendResult();
        row.rank = r.rank();
        row.itemId = DisplayNames.key(r.item());
        row.name = DisplayNames.of(r.item());
        row.score = r.score();
        row.reasons = r.reasons().stream().map(ReasonPathMaps::toMap).toList();
        row.terms = r.terms().stream().map(ReasonPathMaps::toMap).toList();
        row.modelVersion = modelVersion;
        return row;
    }
}
