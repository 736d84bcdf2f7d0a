package io.kgrec.api.graphql;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.read.Audiences;
import io.kgrec.api.security.Access;
import io.kgrec.api.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code audience}: which customers an item, coupon or campaign should go to. For marketers, never for frontends. */
@Controller
public class AudienceController {
    /** Audiences list customers by id with their attributes: analysts and administrators only. */
    static final Set<Role> READ_AUDIENCE = EnumSet.of(Role.ANALYST, Role.ADMIN);
    private static final int MAX_FIRST = 100;
    private static final int DEFAULT_FIRST = 20;
    private static final int MAX_DEPTH = 10_000;

    private final Audiences audiences;
    private final Access access;

    public AudienceController(Audiences audiences, Access access) {
        this.audiences = audiences;
        this.access = access;
    }

    /** The audience's GraphQL shapes; field names match audience.graphqls. */
    record Connection(Target target, String modelVersion, List<Edge> edges, Views.PageInfo pageInfo) {
    }

    record Target(String kind, String id, int items) {
    }

    record Edge(String cursor, Member node) {
    }

    record Member(int rank, String customerId, List<Views.Property> attributes, String segment, String activityLevel,
            double score, List<Views.Reason> reasons, List<io.kgrec.model.reason.ScoreTerm> scoreTerms) {
    }

    @QueryMapping
    public Connection audience(@Argument String itemId, @Argument String couponId, @Argument String campaignId,
            @Argument Integer first, @Argument String after, @Argument Map<String, Object> filter) {
        access.require(READ_AUDIENCE);
        String[] target = target(itemId, couponId, campaignId);
        int n = first == null ? DEFAULT_FIRST : first;
        if (n < 1 || n > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", got " + n);
        }
        int offset = Cursors.rank(after);
        if (offset + n > MAX_DEPTH) {
            throw ApiException.badRequest("audiences go at most " + MAX_DEPTH + " deep; export larger ones with "
                    + "kgrec audience");
        }
        Map<String, Object> configuration = configuration(filter, target[0]);
        List<Audiences.Member> page;
        try {
            // One more than asked tells whether a next page exists.
            page = audiences.page(target[0], target[1], offset, n + 1, RecommendationController.REASONS_PER_ITEM,
                    configuration);
        } catch (org.neo4j.driver.exceptions.ClientException e) {
            throw translated(e);
        }
        List<Edge> edges = new ArrayList<>();
        for (Audiences.Member m : page.subList(0, Math.min(n, page.size()))) {
            edges.add(new Edge(Cursors.of(m.rank()), new Member(m.rank(), m.customerId(),
                    m.attributes().entrySet().stream().map(e -> new Views.Property(e.getKey(), e.getValue())).toList(),
                    m.segment(), m.activityLevel(), m.score(), m.reasons().stream().map(Views.Reason::of).toList(),
                    m.terms())));
        }
        Target t;
        String model;
        if (page.isEmpty()) {
            long[] facts = audiences.facts(target[0], target[1]);
            t = new Target(target[0], target[1], (int) facts[0]);
            model = facts[1] == 0 ? "path-walk" : "model-" + facts[1];
        } else {
            Audiences.Member m = page.get(0);
            t = new Target(m.targetKind(), m.targetId(), m.targetItems());
            model = m.modelName();
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection(t, model, edges, new Views.PageInfo(page.size() > n, end));
    }

    /** @return kind and id of the one target named */
    private static String[] target(String itemId, String couponId, String campaignId) {
        List<String[]> named = new ArrayList<>();
        if (itemId != null) {
            named.add(new String[] {"item", itemId});
        }
        if (couponId != null) {
            named.add(new String[] {"coupon", couponId});
        }
        if (campaignId != null) {
            named.add(new String[] {"campaign", campaignId});
        }
        if (named.size() != 1) {
            throw ApiException.badRequest("name exactly one of itemId, couponId and campaignId, got " + named.size());
        }
        if (named.get(0)[1].isBlank()) {
            throw ApiException.badRequest(named.get(0)[0] + "Id must not be empty");
        }
        return named.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configuration(Map<String, Object> filter, String kind) {
        Map<String, Object> c = new HashMap<>();
        if (filter == null) {
            return c;
        }
        Map<String, Object> customerFilter = new HashMap<>();
        putList(customerFilter, "age", filter.get("ageBands"));
        putList(customerFilter, "income", filter.get("incomes"));
        putList(customerFilter, "segment", filter.get("segments"));
        putList(customerFilter, "activityLevel", filter.get("activityLevels"));
        Object attributes = filter.get("attributes");
        if (attributes instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> a = (Map<String, Object>) o;
                String key = (String) a.get("key");
                if (customerFilter.containsKey(key)) {
                    throw ApiException.badRequest("filter: attribute '" + key + "' is given twice");
                }
                putList(customerFilter, key, a.get("values"));
            }
        }
        if (!customerFilter.isEmpty()) {
            c.put("customerFilter", customerFilter);
        }
        if (Boolean.TRUE.equals(filter.get("targetedOnly"))) {
            if (kind.equals("item")) {
                throw ApiException.badRequest("filter.targetedOnly needs a couponId or campaignId");
            }
            c.put("targetedOnly", true);
        }
        if (filter.get("excludePurchasers") != null) {
            c.put("excludePurchasers", filter.get("excludePurchasers"));
        }
        return c;
    }

    private static void putList(Map<String, Object> out, String key, Object values) {
        if (values instanceof List<?> list) {
            if (list.isEmpty()) {
                throw ApiException.badRequest("filter: the list for '" + key + "' is empty; leave it out instead");
            }
            out.put(key, list);
        }
    }

    /** A procedure's refusal (unknown target, bad filter) is the caller's mistake; other errors are not. */
    private static RuntimeException translated(org.neo4j.driver.exceptions.ClientException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int cause = message.lastIndexOf("IllegalArgumentException: ");
        if (cause < 0) {
            return e;
        }
        String reason = message.substring(cause + "IllegalArgumentException: ".length()).trim();
        return reason.endsWith("does not exist") ? ApiException.notFound(reason) : ApiException.badRequest(reason);
    }
}
