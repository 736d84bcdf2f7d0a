package io.kgrec.api.auditlog;

import io.kgrec.api.read.Graph;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whose list a {@code recommendationId} or {@code listId} names, so feedback can only be attributed to a list that was
 * served to the same customer. A list served a moment ago may still wait in the audit log's queue; it is written
 * first, then looked up again.
 */
@Component
public class ServedListOwners {
    private static final String OWNER = "MATCH (l:ServedList {id: $listId}) RETURN l.customerId AS customerId";

    private final Graph graph;
    private final AuditLog auditLog;

    public ServedListOwners(Graph graph, AuditLog auditLog) {
        this.graph = graph;
        this.auditLog = auditLog;
    }

    /** The customer the list was served to, or empty when no such list is logged. */
    public Optional<String> customerOf(String recommendationOrListId) {
        String listId = listIdOf(recommendationOrListId);
        Optional<String> owner = lookUp(listId);
        if (owner.isEmpty()) {
            auditLog.flush();
            owner = lookUp(listId);
        }
        return owner;
    }

    /** A recommendationId is {@code <listId>:<rank>}; a listId has no colon. */
    static String listIdOf(String id) {
        int colon = id.lastIndexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }

    private Optional<String> lookUp(String listId) {
        List<String> owners = graph.read(OWNER, Map.of("listId", listId), r -> r.get("customerId").asString(null));
        return owners.stream().filter(o -> o != null).findFirst();
    }
}
