package io.kgrec.api.graphql;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.read.Catalog.ItemRef;
import io.kgrec.api.read.Customers;
import io.kgrec.api.security.Access;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code customer} and its interaction history. */
@Controller
public class CustomerController {
    private static final int MAX_FIRST = 100;

    private final Customers customers;
    private final Access access;

    public CustomerController(Customers customers, Access access) {
        this.customers = customers;
        this.access = access;
    }

    @QueryMapping
    public Views.Customer customer(@Argument String id) {
        access.requireForCustomer(Access.READ_CUSTOMER, id);
        return customers.customer(id)
                .map(c -> new Views.Customer(c.id(), c.properties().entrySet().stream()
                        .map(e -> new Views.Property(e.getKey(), String.valueOf(e.getValue()))).toList(),
                        c.interactionCount()))
                .orElse(null);
    }

    @SchemaMapping(typeName = "Customer", field = "interactions")
    public Views.InteractionConnection interactions(Views.Customer customer, @Argument Integer first,
            @Argument String after) {
        int n = first == null ? 20 : first;
        if (n < 1 || n > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", got " + n);
        }
        int offset = Cursors.rank(after);
        List<Customers.HistoryEntry> page = customers.history(customer.id(), offset, n + 1);
        List<Views.InteractionEdge> edges = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(n, page.size()); i++) {
            Customers.HistoryEntry h = page.get(i);
            edges.add(new Views.InteractionEdge(Cursors.of(offset + i + 1), new Views.Interaction(
                    new ItemRef(h.itemId(), h.itemName()), h.type(), h.weight(), h.raw(),
                    h.epochSeconds() == null ? null : Instant.ofEpochSecond(h.epochSeconds()).toString())));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Views.InteractionConnection(edges, new Views.PageInfo(page.size() > n, end));
    }

    @SchemaMapping(typeName = "Customer", field = "profile")
    public Views.Profile profile(Views.Customer customer) {
        Customers.Profile p = customers.profile(customer.id());
        if (p == null) {
            return null;
        }
        return new Views.Profile(p.recencyDays(), p.frequency(), p.monetary(), p.activityLevel(), p.segment(),
                p.profiledAt() == null ? null : Instant.ofEpochSecond(p.profiledAt()).toString(),
                p.affinities().stream().map(a -> new Views.Affinity(new Views.GraphNode(a.entityKey(), a.labels(),
                        a.name()), a.type(), a.share(), a.rank())).toList());
    }
}
