package io.kgrec.api.auditlog;

import io.kgrec.api.graph.GraphConnection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes served lists older than {@code kgrec.audit.retention-days} (90 by default; 0 keeps them forever), once at
 * start and then every hour, in batches so no single transaction grows with the log. A list that newer ones refer to
 * for their reasons ({@code reasonsOf}, AuditLog) stays until they go too, at the next run after them.
 */
@Component
public class AuditRetention {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);
    private static final String EXPIRE = """
            MATCH (l:ServedList) WHERE l.at < $before
              AND NOT EXISTS { MATCH (later:ServedList {reasonsOf: l.id}) WHERE later.at >= $before }
            CALL (l) { DELETE l } IN TRANSACTIONS OF 10000 ROWS
            """;

    private final GraphConnection graph;
    private final AuditLog log;
    private final int retentionDays;

    public AuditRetention(GraphConnection graph, AuditLog log,
            @Value("${kgrec.audit.retention-days:90}") int retentionDays) {
        if (retentionDays < 0) {
            throw new IllegalArgumentException("kgrec.audit.retention-days must be >= 0, got " + retentionDays);
        }
        this.graph = graph;
        this.log = log;
        this.retentionDays = retentionDays;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    public void expire() {
        expireBefore(ZonedDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(retentionDays)));
    }

    /** @return the number of served lists deleted */
    public long expireBefore(ZonedDateTime before) {
        if (retentionDays == 0) {
            return 0;
        }
        try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
            long deleted = s.run(EXPIRE, Map.of("before", before)).consume().counters().nodesDeleted();
            if (deleted > 0) {
                log.forgetFirstServings(); // a page served again must not refer to a deleted first serving
                LOG.info("audit log retention: deleted {} served lists older than {}", deleted, before);
            }
            return deleted;
        }
    }
}
