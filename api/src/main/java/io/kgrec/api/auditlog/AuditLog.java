package io.kgrec.api.auditlog;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.model.reason.ReasonPathMaps;
import jakarta.annotation.PreDestroy;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every served recommendation list in the graph as a {@code :ServedList} node, for reviewers. Page views must
 * not wait for it: lists are queued and written by one background thread in batches (one transaction per batch, at
 * least every quarter second), so the log costs a request almost nothing and the database one commit per batch.
 * A crash can lose the last quarter second of log; the recommendations themselves are unaffected.
 */
@Component
public class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WRITE = """
            UNWIND $lists AS l
            CREATE (:ServedList {id: l.id, at: l.at, customerId: l.customerId, caller: l.caller,
                                 modelVersion: l.modelVersion, rules: l.rules, items: l.items, scores: l.scores,
                                 reasons: l.reasons})
            """;
    private static final int BATCH = 500;

    private final GraphConnection graph;
    private final BlockingQueue<ServedList> queue;
    private final Thread writer;
    private volatile boolean running = true;

    public AuditLog(GraphConnection graph, @Value("${kgrec.audit.queue:10000}") int capacity) {
        this.graph = graph;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drainForever, "kgrec-audit-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a served list; if the queue is full (the database is down), the list is logged as dropped. */
    public void record(ServedList list) {
        if (!queue.offer(list)) {
            LOG.warn("audit log queue full: served list {} for customer {} was not recorded", list.id(),
                    list.customerId());
        }
    }

    /** Writes everything queued so far; for shutdown and tests. */
    public void flush() {
        List<ServedList> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // Not interrupt(): a thread interrupted inside a driver session can strand its pooled connection, and closing
        // the driver then waits for it forever (a benchmark's server hung on shutdown this way). The writer polls
        // every quarter second and sees the flag.
        running = false;
        writer.join(5_000);
        flush();
    }

    private void drainForever() {
        List<ServedList> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                ServedList first = queue.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("could not write {} served lists to the audit log", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<ServedList> batch) {
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (ServedList l : batch) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", l.id());
            row.put("at", l.at().atZone(ZoneOffset.UTC));
            row.put("customerId", l.customerId());
            row.put("caller", l.caller());
            row.put("modelVersion", l.modelVersion());
            row.put("rules", JSON.writeValueAsString(l.rules()));
            row.put("items", l.items().stream().map(s -> s.itemId()).toList());
            row.put("scores", l.items().stream().map(s -> s.score()).toList());
            row.put("reasons", JSON.writeValueAsString(l.items().stream()
                    .map(s -> Map.of("paths", s.reasons().stream().map(ReasonPathMaps::toMap).toList(),
                            "terms", s.terms().stream().map(ReasonPathMaps::toMap).toList()))
                    .toList()));
            rows.add(row);
        }
        try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
            s.executeWriteWithoutResult(tx -> tx.run(WRITE, Map.of("lists", rows)).consume());
        }
    }
}
