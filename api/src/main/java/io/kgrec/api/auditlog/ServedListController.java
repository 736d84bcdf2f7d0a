package io.kgrec.api.auditlog;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.graphql.Cursors;
import io.kgrec.api.graphql.Views;
import io.kgrec.api.security.Access;
import io.kgrec.api.security.Role;
import io.kgrec.model.reason.ReasonPathMaps;
import io.kgrec.model.reason.ScoreTerm;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code servedRecommendations}: the audit log, by customer, item or time range, for reviewers. */
@Controller
public class ServedListController {
    /** The log says who was shown what: the roles that audit, not those that analyse or serve. */
    static final Set<Role> READ_LOG = EnumSet.of(Role.REVIEWER, Role.ADMIN);
    static final int MAX_FIRST = 100;
    private static final String CURSOR = "served:";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, List<Map<String, Object>>>>> REASONS =
            new TypeReference<>() {
            };

    private final ServedLists lists;
    private final Access access;

    public ServedListController(ServedLists lists, Access access) {
        this.lists = lists;
        this.access = access;
    }

    record ServedListConnection(List<ServedListEdge> edges, Views.PageInfo pageInfo) {
    }

    record ServedListEdge(String cursor, ServedListView node) {
    }

    record ServedListView(String id, String servedAt, String customerId, String caller, String modelVersion,
            String rules, List<ServedItem> items) {
    }

    record ServedItem(int rank, String itemId, double score, List<Views.Reason> reasons, List<ScoreTerm> scoreTerms) {
    }

    @QueryMapping
    public ServedListConnection servedRecommendations(@Argument String customerId, @Argument String itemId,
            @Argument String from, @Argument String to, @Argument Integer first, @Argument String after) {
        access.require(READ_LOG);
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_FIRST) {
            throw ApiException.badRequest("first must be between 1 and " + MAX_FIRST + ", got " + size);
        }
        int offset = offset(after);
        List<ServedLists.Stored> page = lists.find(customerId, itemId, time("from", from), time("to", to), offset,
                size + 1);
        List<ServedListEdge> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(size, page.size()); i++) {
            edges.add(new ServedListEdge(cursor(offset + i + 1), view(page.get(i))));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new ServedListConnection(edges, new Views.PageInfo(page.size() > size, end));
    }

    private static ServedListView view(ServedLists.Stored s) {
        List<Map<String, List<Map<String, Object>>>> reasons = JSON.readValue(s.reasons(), REASONS);
        List<ServedItem> items = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) {
            Map<String, List<Map<String, Object>>> r = i < reasons.size() ? reasons.get(i) : Map.of();
            items.add(new ServedItem(s.firstRank() + i, s.items().get(i), s.scores().get(i),
                    r.getOrDefault("paths", List.of()).stream().map(ReasonPathMaps::fromMap).map(Views.Reason::of)
                            .toList(),
                    r.getOrDefault("terms", List.of()).stream().map(ReasonPathMaps::termFromMap).toList()));
        }
        return new ServedListView(s.id(), s.at().toOffsetDateTime().toString(), s.customerId(), s.caller(),
                s.modelVersion() == 0 ? "path-walk" : "model-" + s.modelVersion(), s.rules(), items);
    }

    private static ZonedDateTime time(String argument, String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(argument + " must be an ISO-8601 date-time with an offset, such as "
                    + "2026-11-28T10:15:30Z, got '" + value + "'");
        }
    }

    private static String cursor(int position) {
        return Cursors.of(CURSOR, position);
    }

    private static int offset(String after) {
        return Cursors.position(CURSOR, after);
    }
}
