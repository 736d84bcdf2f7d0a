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
    public List<Views.Interaction> interactions(Views.Customer customer, @Argument Integer first) {
        if (first == null) {
            first = 20;
        }
        if (first < 1 || first > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", got " + first);
        }
        return customers.history(customer.id(), first).stream()
                .map(h -> new Views.Interaction(new ItemRef(h.itemId(), h.itemName()), h.type(), h.weight(), h.raw(),
                        h.epochSeconds() == null ? null : Instant.ofEpochSecond(h.epochSeconds()).toString()))
                .toList();
    }
}
