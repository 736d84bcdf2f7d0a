package io.kgrec.api.graphql;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.read.CustomerDirectory;
import io.kgrec.api.read.Customers.CustomerRecord;
import io.kgrec.api.security.Access;
import io.kgrec.api.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code customers}: the customer list behind the reviewers' page chooser. Listing customers reveals who they are, so
 * frontends, which serve one customer at a time, may not.
 */
@Controller
public class CustomerListController {
    /** Listing customers: the roles that look across customers. */
    static final Set<Role> LIST_CUSTOMERS = EnumSet.of(Role.ANALYST, Role.REVIEWER, Role.ADMIN);
    static final int MAX_FIRST = 100;
    static final int MAX_SEARCH = 100;
    private static final String CURSOR = "customer:";

    private final CustomerDirectory directory;
    private final Access access;

    public CustomerListController(CustomerDirectory directory, Access access) {
        this.directory = directory;
        this.access = access;
    }

    record CustomerConnection(List<CustomerEdge> edges, Views.PageInfo pageInfo) {
    }

    record CustomerEdge(String cursor, Views.Customer node) {
    }

    @QueryMapping
    public CustomerConnection customers(@Argument String search, @Argument Integer first, @Argument String after) {
        access.require(LIST_CUSTOMERS);
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", got " + size);
        }
        String prefix = search == null ? "" : search.strip();
        if (prefix.length() > MAX_SEARCH) {
            throw ApiException.badRequest("search must have at most " + MAX_SEARCH + " characters, got "
                    + prefix.length());
        }
        // One more than asked tells whether a next page exists.
        List<CustomerRecord> page = directory.page(prefix, afterId(after), size + 1);
        List<CustomerEdge> edges = new ArrayList<>();
        for (CustomerRecord c : page.subList(0, Math.min(size, page.size()))) {
            edges.add(new CustomerEdge(cursor(c.id()), new Views.Customer(c.id(), c.properties().entrySet().stream()
                    .map(e -> new Views.Property(e.getKey(), String.valueOf(e.getValue()))).toList(),
                    c.interactionCount())));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new CustomerConnection(edges, new Views.PageInfo(page.size() > size, end));
    }

    private static String cursor(String customerId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR + customerId).getBytes(StandardCharsets.UTF_8));
    }

    /** The customer id a cursor points after; {@code null} for no cursor. */
    private static String afterId(String after) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (s.startsWith(CURSOR)) {
                return s.substring(CURSOR.length());
            }
        } catch (IllegalArgumentException e) {
            // not base64: falls through to the error below
        }
        throw ApiException.badRequest("after: '" + after + "' is not a cursor returned by this API");
    }
}
