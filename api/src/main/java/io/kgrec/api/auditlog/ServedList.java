package io.kgrec.api.auditlog;

import io.kgrec.api.read.Recommendations.Scored;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One recommendation list as served: what the audit log keeps.
 *
 * @param id           the list id (recommendation ids are {@code <id>:<rank>})
 * @param at           when it was served
 * @param customerId   for whom
 * @param caller       the credential's name (never its secret)
 * @param modelVersion the model that scored (0: the untrained walk)
 * @param rules        the business rules and diversity asked for
 * @param items        the items served, best first, with their scores and reasons
 */
public record ServedList(String id, Instant at, String customerId, String caller, long modelVersion,
        Map<String, Object> rules, List<Scored> items) {
}
