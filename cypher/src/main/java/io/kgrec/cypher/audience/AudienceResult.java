package io.kgrec.cypher.audience;

import io.kgrec.cypher.graph.DisplayNames;
import io.kgrec.model.reason.ReasonPathMaps;
import io.kgrec.model.schema.PrivacyNames;
import io.kgrec.model.schema.ProfileProperties;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.graphdb.Node;
import org.neo4j.procedure.Description;

/** A row of {@code kgrec.audience.stream}: one customer of the audience. */
public final class AudienceResult {
    @Description("1-based rank in the audience")
    public long rank;
    @Description("the customer's id")
    public String customerId;
    @Description("the customer's score: the sum of all reason contributions plus the terms")
    public double score;
    @Description("the strongest reason paths, from the customer to the item, coupon or campaign")
    public List<Map<String, Object>> reasons;
    @Description("named parts of the score that are not individual paths: priors, the sum of further paths")
    public List<Map<String, Object>> terms;
    @Description("the customer's source attributes (age, income, ...) as text, for the marketer's table")
    public Map<String, Object> attributes;
    @Description("the customer's profile segment, or null before profiling")
    public String segment;
    @Description("the customer's activity level, or null before profiling")
    public String activityLevel;
    @Description("the target's kind: item, coupon or campaign")
    public String targetKind;
    @Description("the target's id")
    public String targetId;
    @Description("how many items the target reaches")
    public long targetItems;
    @Description("how many customers were eligible (after exclusions and filters) and scored")
    public long eligible;
    @Description("the version of the trained model that scored, 0 for the untrained path walk")
    public long modelVersion;

    static AudienceResult of(Audience.Ranking ranking, AudienceReasons.Member m) {
        AudienceResult row = new AudienceResult();
        row.rank = m.rank();
        row.customerId = DisplayNames.key(m.customer());
        row.score = m.score();
        row.reasons = m.reasons().stream().map(ReasonPathMaps::toMap).toList();
        row.terms = m.terms().stream().map(ReasonPathMaps::toMap).toList();
        row.attributes = attributes(m.customer());
        row.segment = text(m.customer().getProperty(ProfileProperties.SEGMENT, null));
        row.activityLevel = text(m.customer().getProperty(ProfileProperties.ACTIVITY_LEVEL, null));
        row.targetKind = ranking.target().kind().word();
        row.targetId = ranking.target().id();
        row.targetItems = ranking.target().items().size();
        row.eligible = ranking.eligible();
        row.modelVersion = ranking.modelVersion();
        return row;
    }

    /** Source attributes only: not the id, not what kgrec derives, not the privacy state. */
    private static Map<String, Object> attributes(Node customer) {
        Map<String, Object> out = new TreeMap<>();
        customer.getAllProperties().forEach((k, v) -> {
            if (!k.equals("id") && !ProfileProperties.isDerived(k) && !k.equals(PrivacyNames.PROFILING_OPT_OUT)
                    && !k.equals(PrivacyNames.CONSENT_CHANGED_AT)) {
                out.put(k, String.valueOf(v));
            }
        });
        return out;
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}
