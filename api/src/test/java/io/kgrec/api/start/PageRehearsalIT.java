package io.kgrec.api.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.auditlog.AuditLog;
import io.kgrec.api.graphql.PageRehearsal;
import io.kgrec.api.read.ServedListCache;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The pages the service asks itself for before it reports ready: real answers that nobody is served. */
class PageRehearsalIT extends LoadedApplication {
    private static final String COUNT_SERVED_LISTS = "MATCH (l:ServedList) RETURN count(l)";

    @Autowired
    PageRehearsal rehearsal;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ServedListCache servedLists;

    @Test
    void it_asks_for_pages_without_errors_and_neither_audits_nor_keeps_their_lists() {
        auditLog.flush();
        long logged = count(COUNT_SERVED_LISTS, Map.of());
        ServedListCache.Statistics before = servedLists.statistics();
        AtomicInteger checks = new AtomicInteger();

        PageRehearsal.Outcome outcome = rehearsal.rehearseUntil(() -> checks.incrementAndGet() >= 2);

        auditLog.flush();
        assertThat(checks.get()).as("asked whether to stop about once a second, until told").isEqualTo(2);
        assertThat(outcome.pages()).as("recommendation and similar-item pages in about two seconds")
                .isGreaterThan(5);
        assertThat(outcome.failedPages()).isZero();
        assertThat(outcome.firstFailure()).isEmpty();
        assertThat(count(COUNT_SERVED_LISTS, Map.of())).as("no rehearsed list in the audit log").isEqualTo(logged);
        ServedListCache.Statistics after = servedLists.statistics();
        assertThat(after.hits() + after.misses()).as("no rehearsed list looked up in or kept by the cache")
                .isEqualTo(before.hits() + before.misses());
    }

    /** The mark lives in the GraphQL context, which a request's body cannot reach, extensions included. */
    @Test
    void a_request_that_claims_to_be_a_rehearsal_is_still_served_and_audited() throws Exception {
        auditLog.flush();
        long logged = count(COUNT_SERVED_LISTS, Map.of());
        String body = JsonMapper.builder().build().writeValueAsString(Map.of(
                "query", "query($c: ID!) { recommendations(customerId: $c) { listId edges { node { rank } } } }",
                "variables", Map.of("c", OWN_CUSTOMER),
                "extensions", Map.of("io.kgrec.api.graphql.PageRehearsal", true)));

        GraphQlClient.Response answer = client(FRONTEND).postRaw(body);

        auditLog.flush();
        assertThat(answer.status()).isEqualTo(200);
        assertThat((String) answer.data("recommendations", "listId")).isNotBlank();
        assertThat(count(COUNT_SERVED_LISTS, Map.of())).isEqualTo(logged + 1);
    }
}
