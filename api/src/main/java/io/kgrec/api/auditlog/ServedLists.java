package io.kgrec.api.auditlog;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.TransientRetry;
import io.kgrec.api.read.Graph;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.stereotype.Component;

/** Reads the audit log of served lists, newest first, for reviewers. */
@Component
public class ServedLists {
    // By customer the customer index finds the lists; otherwise the time index does, newest first. A list served
    // again keeps its items, scores, rules and reasons on its first serving (AuditLog), found by the id index; the
    // item criterion looks there only for such lists.
    private static final String BY_CUSTOMER = """
            MATCH (l:ServedList {customerId: $customerId})
            WHERE ($from IS NULL OR l.at >= $from) AND ($to IS NULL OR l.at < $to)
              AND ($itemId IS NULL OR $itemId IN l.items
                   OR (l.items IS NULL AND EXISTS { MATCH (f:ServedList {id: l.reasonsOf}) WHERE $itemId IN f.items }))
            WITH l
            ORDER BY l.at DESC, l.id
            SKIP $offset LIMIT $limit
            OPTIONAL MATCH (first:ServedList {id: l.reasonsOf})
            RETURN l, coalesce(l.items, first.items, []) AS items, coalesce(l.scores, first.scores, []) AS scores,
                   coalesce(l.rules, first.rules, '{}') AS rules, coalesce(l.reasons, first.reasons, '[]') AS reasons,
                   coalesce(l.firstRank, first.firstRank, 1) AS firstRank
            ORDER BY l.at DESC, l.id
            """;
    private static final String BY_TIME = """
            MATCH (l:ServedList)
            WHERE l.at >= coalesce($from, datetime('0001-01-01T00:00:00Z'))
              AND ($to IS NULL OR l.at < $to)
              AND ($itemId IS NULL OR $itemId IN l.items
                   OR (l.items IS NULL AND EXISTS { MATCH (f:ServedList {id: l.reasonsOf}) WHERE $itemId IN f.items }))
            WITH l
            ORDER BY l.at DESC, l.id
            SKIP $offset LIMIT $limit
            OPTIONAL MATCH (first:ServedList {id: l.reasonsOf})
            RETURN l, coalesce(l.items, first.items, []) AS items, coalesce(l.scores, first.scores, []) AS scores,
                   coalesce(l.rules, first.rules, '{}') AS rules, coalesce(l.reasons, first.reasons, '[]') AS reasons,
                   coalesce(l.firstRank, first.firstRank, 1) AS firstRank
            ORDER BY l.at DESC, l.id
            """;

    private final GraphConnection graph;

    public ServedLists(GraphConnection graph) {
        this.graph = graph;
    }

    /** One stored list, as written by {@link AuditLog}; its items ranked from {@code firstRank} on. */
    public record Stored(String id, ZonedDateTime at, String customerId, String caller, long modelVersion,
            String rules, List<String> items, List<Double> scores, String reasons, int firstRank) {
        static Stored of(Record r) {
            var l = r.get("l");
            return new Stored(l.get("id").asString(), l.get("at").asZonedDateTime(), l.get("customerId").asString(),
                    l.get("caller").asString(""), l.get("modelVersion").asLong(0), r.get("rules").asString(),
                    r.get("items").asList(v -> v.asString()), r.get("scores").asList(v -> v.asDouble()),
                    r.get("reasons").asString(), r.get("firstRank").asInt());
        }
    }

    /** Lists matching every given criterion (a null criterion matches all), newest first. */
    public List<Stored> find(String customerId, String itemId, ZonedDateTime from, ZonedDateTime to, int offset,
            int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("customerId", customerId);
        parameters.put("itemId", itemId);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("offset", offset);
        parameters.put("limit", limit);
        String query = customerId == null ? BY_TIME : BY_CUSTOMER;
        return TransientRetry.run("the audit log's read", () -> {
            try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
                return s.executeRead(tx -> tx.run(query, parameters).list(Stored::of), Graph.requestBoundConfig());
            }
        });
    }
}
