package io.kgrec.cypher.privacy;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.cypher.profile.ProfileWriter;
import io.kgrec.cypher.recommend.ModelStore;
import io.kgrec.model.schema.PrivacyNames;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.privacy.consent} and {@code kgrec.privacy.erase}: a customer's rights, applied in the graph. */
public class PrivacyProcs {
    @Context
    public Transaction tx;

    @Context
    public ModelStore store;

    /** A customer's consent after the change. */
    public record ConsentResult(@Description("the customer's id") String customerId,
            @Description("whether the customer has opted out of profiling") boolean optedOut) {
    }

    @Procedure(name = "kgrec.privacy.consent", mode = Mode.WRITE)
    @Description("Records whether a customer opts out of profiling. An opted-out customer gets non-personalised "
            + "recommendations (nothing depends on their history), is not profiled, appears in no audience and "
            + "trains no model. Opting out removes the customer's profile and affinities at once.")
    public Stream<ConsentResult> consent(@Name("customerId") String customerId, @Name("optOut") boolean optOut) {
        Node customer = customerId == null ? null : tx.findNode(GraphSchema.CUSTOMER, "id", customerId);
        if (customer == null) {
            throw new IllegalArgumentException("customer '" + customerId + "' does not exist");
        }
        customer.setProperty(PrivacyNames.PROFILING_OPT_OUT, optOut);
        customer.setProperty(PrivacyNames.CONSENT_CHANGED_AT, ZonedDateTime.now(ZoneOffset.UTC));
        if (optOut) {
            ProfileWriter.forget(customer);
        }
        return Stream.of(new ConsentResult(customerId, optOut));
    }

    @Procedure(name = "kgrec.privacy.erase", mode = Mode.WRITE)
    @Description("Erases a customer: the customer node, their interactions, impressions, profile and affinities, "
            + "anomaly flags, audit-log records, and the model state derived from them alone. Returns what was "
            + "removed.")
    public Stream<ErasureResult> erase(@Name("customerId") String customerId) {
        ErasureResult result = new Erasure(tx).erase(customerId);
        if (result.modelState() > 0) {
            // This instance reloads at once; others see the bumped revision on their next request.
            store.clear();
        }
        return Stream.of(result);
    }
}
