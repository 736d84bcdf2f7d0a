package io.kgrec.api.graphql;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.read.Catalog;
import io.kgrec.api.read.Catalog.ItemRef;
import io.kgrec.api.read.Customers;
import io.kgrec.api.read.Recommendations;
import io.kgrec.api.read.Recommendations.Scored;
import io.kgrec.api.read.ServedListCache;
import io.kgrec.api.auditlog.AuditLog;
import io.kgrec.api.auditlog.ServedList;
import io.kgrec.api.security.Access;
import io.kgrec.api.security.Caller;
import io.kgrec.model.schema.PrivacyNames;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code recommendations} and {@code explain}. */
@Controller
public class RecommendationController {
    static final int MAX_FIRST = 100;
    static final int DEFAULT_FIRST = 10;
    /** Reasons shown per recommended item; the rest are summed into one score term. */
    static final int REASONS_PER_ITEM = 5;
    private static final int MAX_DEPTH = 1000;

    private final Recommendations recommendations;
    private final ServedListCache servedLists;
    private final Customers customers;
    private final Catalog catalog;
    private final Access access;
    private final AuditLog auditLog;

    public RecommendationController(Recommendations recommendations, ServedListCache servedLists,
            Customers customers, Catalog catalog, Access access, AuditLog auditLog) {
        this.recommendations = recommendations;
        this.servedLists = servedLists;
        this.customers = customers;
        this.catalog = catalog;
        this.access = access;
        this.auditLog = auditLog;
    }

    /** An item's id in a served list, which feedback quotes for attribution. */
    static String recommendationId(String listId, int rank) {
        return listId + ":" + rank;
    }

    @QueryMapping
    public Views.RecommendationConnection recommendations(@Argument String customerId, @Argument Integer first,
            @Argument String after, @Argument Map<String, Object> filter, @Argument Double diversity) {
        Caller caller = access.requireForCustomer(Access.READ_CUSTOMER, customerId);
        if (first == null) {
            first = DEFAULT_FIRST;
        }
        if (first < 1 || first > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", got " + first);
        }
        int offset = Cursors.rank(after);
        if (offset + first > MAX_DEPTH) {
            throw ApiException.badRequest("recommendations go at most " + MAX_DEPTH + " deep");
        }
        Map<String, Object> rules = RecommendationRules.of(filter, diversity);
        // One more than asked tells whether a next page exists.
        List<Scored> ranked = servedLists.top(customerId, offset + first + 1, REASONS_PER_ITEM, rules);
        Views.RecommendationKind kind = Views.RecommendationKind.PERSONALISED;
        if (ranked.isEmpty() && !customers.exists(customerId)) {
            // An unknown customer gets no rows rather than an error; only an empty list pays for telling them apart.
            // A visitor the graph has not seen yet gets what a customer without history gets, marked as such.
            kind = Views.RecommendationKind.UNKNOWN_CUSTOMER;
            ranked = recommendations.popular(offset + first + 1, REASONS_PER_ITEM, rules);
        } else if (!ranked.isEmpty() && ranked.get(0).reasons().isEmpty() && withoutHistory(customerId)) {
            // A personalised list's items have paths from the customer; only a list led by an item without one
            // (the popular list, or a pin) pays for the look at the customer.
            kind = Views.RecommendationKind.NO_HISTORY;
        }
        List<Scored> page = ranked.subList(Math.min(offset, ranked.size()), Math.min(offset + first, ranked.size()));
        String listId = UUID.randomUUID().toString();
        List<Views.RecommendationEdge> edges = new ArrayList<>();
        for (Scored s : page) {
            edges.add(new Views.RecommendationEdge(Cursors.of(s.rank()), new Views.Recommendation(
                    recommendationId(listId, s.rank()), s.modelName(), s.rank(), new ItemRef(s.itemId(), s.name()),
                    s.score(), s.reasons().stream().map(Views.Reason::of).toList(), s.terms())));
        }
        auditLog.record(new ServedList(listId, Instant.now(), customerId, caller.name(),
                page.isEmpty() ? 0 : page.get(0).modelVersion(), rules, List.copyOf(page)));
        boolean hasNext = ranked.size() > offset + first;
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Views.RecommendationConnection(listId, edges, new Views.PageInfo(hasNext, end), kind);
    }

    @QueryMapping
    public List<Views.SimilarItem> similarItems(@Argument String itemId, @Argument Integer first) {
        access.require(Access.READ_CATALOG);
        int n = first == null ? DEFAULT_FIRST : first;
        if (n < 1 || n > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", got " + n);
        }
        catalog.item(itemId).orElseThrow(() -> ApiException.notFound("item '" + itemId + "' does not exist"));
        return recommendations.similar(itemId, n, REASONS_PER_ITEM).stream()
                .map(s -> new Views.SimilarItem(s.rank(), new ItemRef(s.itemId(), s.name()), s.score(),
                        s.reasons().stream().map(Views.Reason::of).toList(), s.terms(), s.modelName()))
                .toList();
    }

    @QueryMapping
    public List<Views.SessionRecommendation> sessionRecommendations(@Argument List<String> itemIds,
            @Argument Integer first, @Argument Map<String, Object> filter) {
        access.require(Access.READ_CATALOG);
        int n = first == null ? DEFAULT_FIRST : first;
        if (n < 1 || n > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", got " + n);
        }
        Map<String, Object> rules = RecommendationRules.of(filter, null);
        // the plugin names unknown items and refuses excludeInteracted false; the API adds nothing to either
        return recommendations.session(itemIds, n, REASONS_PER_ITEM, rules).stream()
                .map(s -> new Views.SessionRecommendation(s.rank(), new ItemRef(s.itemId(), s.name()), s.score(),
                        s.reasons().stream().map(Views.Reason::of).toList(), s.terms(), s.modelName()))
                .toList();
    }

    @QueryMapping
    public Views.Explanation explain(@Argument String customerId, @Argument String itemId) {
        access.requireForCustomer(Access.READ_CUSTOMER, customerId);
        requireCustomer(customerId);
        ItemRef item = catalog.item(itemId).orElseThrow(() -> ApiException.notFound("item '" + itemId + "' does not exist"));
        boolean interacted = customers.interacted(customerId, itemId);
        return recommendations.explain(customerId, itemId).stream().findFirst()
                .map(s -> new Views.Explanation(item, interacted, s.score(),
                        s.reasons().stream().map(Views.Reason::of).toList(), s.terms()))
                .orElseGet(() -> new Views.Explanation(item, interacted, 0.0, List.of(), List.of()));
    }

    /** Whether the customer is served the popular list: no interactions, or opted out of profiling. */
    private boolean withoutHistory(String customerId) {
        return customers.customer(customerId).map(c -> c.interactionCount() == 0
                || Boolean.TRUE.equals(c.properties().get(PrivacyNames.PROFILING_OPT_OUT))).orElse(false);
    }

    private void requireCustomer(String customerId) {
        if (!customers.exists(customerId)) {
            throw ApiException.notFound("customer '" + customerId + "' does not exist");
        }
    }
}
