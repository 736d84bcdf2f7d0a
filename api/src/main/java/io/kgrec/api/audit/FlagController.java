package io.kgrec.api.audit;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.graphql.Cursors;
import io.kgrec.api.read.Catalog.ItemRef;
import io.kgrec.api.security.Access;
import io.kgrec.api.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code flaggedCustomers}: anomaly flags for review. A flag accuses a named customer of being a bot or a shill, so
 * only the roles whose job is reviewing see them; analysts work with the aggregate audit instead.
 */
@Controller
public class FlagController {
    /** Reading anomaly flags: they name customers and say what they are suspected of. */
    static final Set<Role> REVIEW_FLAGS = EnumSet.of(Role.REVIEWER, Role.ADMIN);
    static final int MAX_FIRST = 100;
    private static final String CURSOR = "flag:";

    private final Flags flags;
    private final Access access;

    public FlagController(Flags flags, Access access) {
        this.flags = flags;
        this.access = access;
    }

    record FlagConnection(List<FlagEdge> edges, PageInfo pageInfo) {
    }

    record FlagEdge(String cursor, FlagView node) {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    record Evidence(String name, double value) {
    }

    record FlagView(String customerId, String anomaly, String kind, String scope, double score, String status,
            String summary, List<Evidence> evidence, List<Evidence> anomalyEvidence, ItemRef targetItem, long members,
            long interactions, String detectedAt, String reviewedBy, String reviewedAt) {
        static FlagView of(Flags.Flag f) {
            return new FlagView(f.customerId(), f.anomaly(), f.kind(), f.scope().toUpperCase(Locale.ROOT), f.score(),
                    f.status().toUpperCase(Locale.ROOT), f.summary(), evidence(f.evidence()),
                    evidence(f.anomalyEvidence()), f.targetItem() == null ? null
                            : new ItemRef(f.targetItem(), f.targetName()), f.members(), f.interactions(),
                    f.detectedAt(), f.reviewedBy(), f.reviewedAt());
        }

        private static List<Evidence> evidence(Map<String, Double> map) {
            return map.entrySet().stream().map(e -> new Evidence(e.getKey(), e.getValue())).toList();
        }
    }

    @QueryMapping
    public FlagConnection flaggedCustomers(@Argument List<String> status, @Argument List<String> kind,
            @Argument Integer first, @Argument String after) {
        access.require(REVIEW_FLAGS);
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", got " + size);
        }
        int offset = offset(after);
        List<String> statuses = (status == null ? List.of("OPEN", "CONFIRMED") : status).stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<Flags.Flag> page = flags.list(statuses, kind == null ? List.of() : kind, offset, size + 1);
        List<FlagEdge> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(size, page.size()); i++) {
            edges.add(new FlagEdge(cursor(offset + i + 1), FlagView.of(page.get(i))));
        }
        return new FlagConnection(edges, new PageInfo(page.size() > size,
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    private static String cursor(int position) {
        return Cursors.of(CURSOR, position);
    }

    private static int offset(String after) {
        return Cursors.position(CURSOR, after);
    }
}
