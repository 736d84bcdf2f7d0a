package io.kgrec.api.graphql;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.read.BaselineRecommendations;
import io.kgrec.api.read.Catalog.ItemRef;
import io.kgrec.api.read.Customers;
import io.kgrec.api.security.Access;
import io.kgrec.model.schema.PrivacyNames;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code baselineRecommendations}: the naive pure-Cypher baseline behind the same HTTP, GraphQL and access checks as
 * {@code recommendations}, so that a benchmark compares the recommenders and not the stacks. A dedicated, typed field
 * rather than a general "run a library query" field: the library's other queries show customer ids, which frontends
 * must never see, whereas this one shows only items and counts and is scoped to one customer like recommendations.
 */
@Controller
public class BaselineController {
    private final BaselineRecommendations baseline;
    private final Customers customers;
    private final Access access;

    public BaselineController(BaselineRecommendations baseline, Customers customers, Access access) {
        this.baseline = baseline;
        this.customers = customers;
        this.access = access;
    }

    @QueryMapping
    public List<BaselineItem> baselineRecommendations(@Argument String customerId, @Argument Integer first) {
        access.requireForCustomer(Access.READ_CUSTOMER, customerId);
        int n = first == null ? RecommendationController.DEFAULT_FIRST : first;
        if (n < 1 || n > RecommendationController.MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + RecommendationController.MAX_FIRST
                    + ", got " + n);
        }
        Customers.CustomerRecord customer = customers.customer(customerId).orElseThrow(
                () -> ApiException.notFound("customer '" + customerId + "' does not exist"));
        List<BaselineItem> out = new ArrayList<>();
        if (Boolean.TRUE.equals(customer.properties().get(PrivacyNames.PROFILING_OPT_OUT))) {
            return out; // the baseline is nothing but the customer's history: none of it is used after opting out
        }
        for (BaselineRecommendations.CoCustomerItem i : baseline.top(customerId, n)) {
            out.add(new BaselineItem(out.size() + 1, i.item(), i.coCustomers()));
        }
        return out;
    }

    /** One row of the baseline as GraphQL shows it. */
    public record BaselineItem(int rank, ItemRef item, int coCustomers) {
    }
}
