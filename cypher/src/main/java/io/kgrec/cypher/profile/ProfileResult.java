package io.kgrec.cypher.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.procedure.Description;

/** A row of {@code kgrec.profile.stream}. */
public final class ProfileResult {
    @Description("the customer's id")
    public String customerId;
    @Description("whole days from the latest interaction to asOf; null without times")
    public Long recencyDays;
    @Description("interaction events (source rows) over all the customer's interactions")
    public long frequency;
    @Description("money spent; null when no interaction carries money")
    public Double monetary;
    @Description("1-5, 5 = most recent; 0 without times")
    public long recencyScore;
    @Description("1-5, 5 = most frequent; 0 when inactive")
    public long frequencyScore;
    @Description("1-5, 5 = spent most; 0 without money")
    public long monetaryScore;
    @Description("high, medium, low or inactive")
    public String activityLevel;
    @Description("champions, at_risk, loyal, new, hibernating, promising, inactive; heavy, regular or light without times")
    public String segment;
    @Description("the moment recency is measured from, epoch seconds")
    public Long asOf;
    @Description("the top attributes per entity type: type, key, name, share (of the type's weight) and rank")
    public List<Map<String, Object>> affinities;

    static ProfileResult of(CustomerProfile p) {
        ProfileResult row = new ProfileResult();
        row.customerId = p.activity().customerId();
        row.recencyDays = p.recencyDays();
        row.frequency = p.frequency();
        row.monetary = p.monetary();
        row.recencyScore = p.recencyScore();
        row.frequencyScore = p.frequencyScore();
        row.monetaryScore = p.monetaryScore();
        row.activityLevel = p.activityLevel();
        row.segment = p.segment();
        row.asOf = p.asOf();
        row.affinities = p.affinities().stream().map(ProfileResult::affinity).toList();
        return row;
    }

    private static Map<String, Object> affinity(Affinity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.type());
        m.put("key", a.entityKey());
        m.put("name", a.entityName());
        m.put("share", a.share());
        m.put("rank", (long) a.rank());
        return m;
    }
}
