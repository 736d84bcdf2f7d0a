package io.kgrec.api.audit;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.security.Access;
import io.kgrec.api.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code audit}: the bias and fairness audit of the live graph. It only reports aggregates (no customer appears by
 * id), so analysts may run it as well as reviewers and administrators. The sample is capped so one request stays
 * inside the request timeout.
 */
@Controller
public class AuditController {
    static final Set<Role> RUN_AUDIT = EnumSet.of(Role.ANALYST, Role.REVIEWER, Role.ADMIN);
    /**
     * Customer-configuration pairs one request may score: an audit of 300 customers and two configurations took 24 s on
     * the demo data on two busy cores, and 1,000 with four ran for half an hour. Larger audits run with
     * {@code kgrec audit}, outside the service's request limits.
     */
    static final int MAX_RECOMMENDATIONS = 400;
    static final int MAX_CONFIGURATIONS = 4;
    /** The default configurations when none are given: the default and diversity 0.5. */
    private static final int DEFAULT_CONFIGURATIONS = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphConnection graph;
    private final Access access;

    public AuditController(GraphConnection graph, Access access) {
        this.graph = graph;
        this.access = access;
    }

    /** The {@code AuditInput} argument. */
    public record AuditInput(Integer k, String itemGroup, List<String> customerAttributes, Integer sample,
            Integer seed, List<ConfigurationInput> configurations) {
    }

    /** The {@code AuditConfigurationInput} argument. */
    public record ConfigurationInput(String label, Double diversity, Double collaborativeWeight,
            Double attributeWeight) {
        AuditConfiguration configuration() {
            Map<String, Object> settings = new LinkedHashMap<>();
            if (diversity != null) {
                settings.put("diversity", diversity);
            }
            if (collaborativeWeight != null) {
                settings.put("collaborativeWeight", collaborativeWeight);
            }
            if (attributeWeight != null) {
                settings.put("attributeWeight", attributeWeight);
            }
            return new AuditConfiguration(label, settings);
        }
    }

    record KindShare(String kind, double share) {
    }

    @QueryMapping
    public AuditReport audit(@Argument AuditInput input) {
        access.require(RUN_AUDIT);
        AuditInput in = input == null ? new AuditInput(null, null, null, null, null, null) : input;
        int sample = in.sample() == null ? 200 : in.sample();
        List<ConfigurationInput> given = in.configurations() == null ? List.of() : in.configurations();
        if (given.size() > MAX_CONFIGURATIONS) {
            throw ApiException.badRequest("at most " + MAX_CONFIGURATIONS + " configurations, got " + given.size());
        }
        int perCustomer = given.isEmpty() ? DEFAULT_CONFIGURATIONS : given.size();
        if (sample < 1 || (long) sample * perCustomer > MAX_RECOMMENDATIONS) {
            throw ApiException.badRequest("sample × configurations must be between 1 and " + MAX_RECOMMENDATIONS
                    + " in one request, got " + sample + " × " + perCustomer + "; run larger audits with kgrec audit");
        }
        List<AuditConfiguration> configurations = new ArrayList<>();
        given.forEach(c -> configurations.add(c.configuration()));
        try {
            AuditOptions options = new AuditOptions(in.k() == null ? 10 : in.k(), in.itemGroup(),
                    in.customerAttributes() == null ? List.of() : in.customerAttributes(), configurations, sample,
                    in.seed() == null ? 42 : in.seed(), 0.2);
            return new Audit(graph, 2).live(options);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            // The recommender refused a configuration (e.g. diversity 2): the caller's mistake, said by Neo4j.
            if (e.getCause() instanceof org.neo4j.driver.exceptions.ClientException refused) {
                throw ApiException.badRequest(refused.getMessage());
            }
            throw e;
        }
    }

    @SchemaMapping(typeName = "AuditReport", field = "html")
    public String html(AuditReport report) {
        return AuditHtml.of(report);
    }

    @SchemaMapping(typeName = "AuditReport", field = "json")
    public String json(AuditReport report) {
        return AuditJson.of(report);
    }

    @SchemaMapping(typeName = "AuditedConfiguration", field = "settings")
    public String settings(AuditReport.ConfigurationAudit configuration) {
        return JSON.writeValueAsString(configuration.settings());
    }

    @SchemaMapping(typeName = "ExplanationQuality", field = "kindShares")
    public List<KindShare> kindShares(io.kgrec.api.evaluation.ExplanationReport explanation) {
        return explanation.kindShares().entrySet().stream().map(e -> new KindShare(e.getKey(), e.getValue())).toList();
    }
}
