package io.kgrec.api.privacy;

import io.kgrec.api.auditlog.AuditLog;
import io.kgrec.api.error.ApiException;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.TransientRetry;
import io.kgrec.api.read.Customers;
import io.kgrec.api.security.Access;
import io.kgrec.api.security.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code setProfilingConsent} and {@code eraseCustomer}. Consent is the customer's own choice, so their frontend may
 * record it; erasure removes data for good, so only an administrator may run it.
 */
@Controller
public class PrivacyController {
    static final Set<Role> CHANGE_CONSENT = EnumSet.of(Role.FRONTEND, Role.ADMIN);
    static final Set<Role> ERASE = EnumSet.of(Role.ADMIN);
    private static final String CONSENT = "CALL kgrec.privacy.consent($customerId, $optOut)";
    private static final String ERASE_CUSTOMER = """
            CALL kgrec.privacy.erase($customerId)
            YIELD customerId, interactions, impressions, affinities, flags, anomalies, servedLists, itemsOnlyTheirs,
                  modelState
            RETURN *
            """;
    private static final TransactionConfig TIMEOUT = TransactionConfig.builder()
            .withTimeout(Duration.ofSeconds(30)).build();

    private final GraphConnection graph;
    private final Access access;
    private final AuditLog auditLog;
    private final Customers customers;

    public PrivacyController(GraphConnection graph, Access access, AuditLog auditLog, Customers customers) {
        this.graph = graph;
        this.access = access;
        this.auditLog = auditLog;
        this.customers = customers;
    }

    record ConsentStatus(String customerId, boolean profilingOptOut) {
    }

    record Erasure(String customerId, long interactions, long impressions, long affinities, long flags,
            long anomalies, long servedLists, long itemsOnlyTheirs, long modelState) {
    }

    @MutationMapping
    public ConsentStatus setProfilingConsent(@Argument String customerId, @Argument boolean optOut) {
        access.requireForCustomer(CHANGE_CONSENT, customerId);
        requireCustomer(customerId);
        Record r = write(CONSENT, Map.of("customerId", customerId, "optOut", optOut));
        return new ConsentStatus(r.get("customerId").asString(), r.get("optedOut").asBoolean());
    }

    @MutationMapping
    public Erasure eraseCustomer(@Argument String customerId) {
        access.require(ERASE);
        requireCustomer(customerId);
        // Lists served before the request are in the log, not in the queue, when the erasure deletes them.
        auditLog.flush();
        Record r = write(ERASE_CUSTOMER, Map.of("customerId", customerId));
        return new Erasure(r.get("customerId").asString(), r.get("interactions").asLong(),
                r.get("impressions").asLong(), r.get("affinities").asLong(), r.get("flags").asLong(),
                r.get("anomalies").asLong(), r.get("servedLists").asLong(), r.get("itemsOnlyTheirs").asLong(),
                r.get("modelState").asLong());
    }

    private void requireCustomer(String customerId) {
        if (!customers.exists(customerId)) {
            throw ApiException.notFound("customer '" + customerId + "' does not exist");
        }
    }

    private Record write(String cypher, Map<String, Object> parameters) {
        return TransientRetry.run("the privacy write", () -> {
            try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
                return s.executeWrite(tx -> tx.run(cypher, parameters).single(), TIMEOUT);
            }
        });
    }
}
