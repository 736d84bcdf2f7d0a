package io.kgrec.cypher.audience;

import io.kgrec.cypher.recommend.ModelStore;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.audience.stream}: the customers an item, coupon or campaign should go to, with their reason paths. */
public class AudienceStreamProc {
    @Context
    public Transaction tx;

    @Context
    public ModelStore store;

    @Procedure(name = "kgrec.audience.stream", mode = Mode.READ)
    @Description("Top-k customers most likely to engage with an item, a coupon (through the items it applies to) or a "
            + "campaign (through its coupons' items). A customer's score is the sum of the recommender's scores of the "
            + "reached items for them, plus repeatWeight · x for each offered item they already have (coupons and "
            + "campaigns); each row's reason paths plus terms add up to the score. Customers who opted out of "
            + "profiling or carry an open or confirmed whole-customer anomaly flag are never included. Configuration: "
            + "topK (20), skip (0), maxReasons (3), excludePurchasers (true for items, false otherwise), repeatWeight "
            + "(1.0), targetedOnly (false), customerFilter {property: [values]}, explain (true; false returns scores "
            + "without reasons, for bulk scoring), and the untrained walk's weights.")
    public Stream<AudienceResult> stream(
            @Name("targetKind") String targetKind,
            @Name("targetId") String targetId,
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        TargetKind kind = TargetKind.parse(targetKind);
        Audience.Ranking ranking = new Audience(tx, AudienceConfig.of(configuration), store).rank(kind, targetId);
        return ranking.members().stream().map(m -> AudienceResult.of(ranking, m));
    }
}
