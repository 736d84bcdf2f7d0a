package io.kgrec.cypher.risk;

import io.kgrec.model.schema.RiskNames;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.anomaly.review}: a reviewer's decision on one flag. */
public class AnomalyReviewProc {
    static final String REVIEW = """
            MATCH (c:Customer {id: $customerId})-[f:FLAGGED]->(a:Anomaly {key: $anomaly})
            SET f.status = $status, f.reviewedBy = $reviewer, f.reviewedAt = datetime()
            RETURN c.id AS customerId, a.key AS anomaly, f.status AS status
            """;
    private static final List<String> STATUSES = List.of(RiskNames.STATUS_OPEN, RiskNames.STATUS_CONFIRMED,
            RiskNames.STATUS_DISMISSED);

    @Context
    public Transaction tx;

    /** The flag as reviewed. */
    public record ReviewResult(@Description("the customer") String customerId,
            @Description("the anomaly's key") String anomaly, @Description("the status now") String status) {
    }

    @Procedure(name = "kgrec.anomaly.review", mode = Mode.WRITE)
    @Description("Records a reviewer's decision on a customer's flag: 'confirmed' (stays out of training, and is "
            + "kept by later detection runs), 'dismissed' (trains again, and later runs do not reopen it) or 'open'. "
            + "Returns no row when the customer has no flag for that anomaly.")
    public Stream<ReviewResult> review(@Name("customerId") String customerId, @Name("anomaly") String anomaly,
            @Name("status") String status, @Name(value = "reviewer", defaultValue = "") String reviewer) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES + ", got '" + status + "'");
        }
        return tx.execute(REVIEW, Map.of("customerId", customerId, "anomaly", anomaly, "status", status,
                        "reviewer", reviewer))
                .stream().map(r -> new ReviewResult((String) r.get("customerId"), (String) r.get("anomaly"),
                        (String) r.get("status")));
    }
}
